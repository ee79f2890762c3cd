import type {IpamdConfig} from '../ipamd/ipamd-config.js'
import type {NodeGather} from './node-facts.js'

/** Where ipamd would create the node's next ENI. */
export interface NewEniPlacement {
  description: string
  /** The ENIConfig used, under custom networking. */
  eniConfig: null | string
  securityGroups: string[]
  subnetId: string
  /** Why ipamd cannot create an ENI there (the ENIConfig or its subnet does not exist); null when it can. */
  unusable: null | string
}

const DEFAULT_KEY = 'k8s.amazonaws.com/eniConfig'

/**
 * The primary ENI's subnet; under custom networking the subnet of the node's ENIConfig, named by the node's
 * ENI_CONFIG_ANNOTATION_DEF annotation, else its ENI_CONFIG_LABEL_DEF label, else "default" (ipamd.go, eniconfig.go).
 */
export function chooseNewEniPlacement(gather: NodeGather, config: Pick<IpamdConfig, 'customNetworking'>): NewEniPlacement {
  const primarySubnet = gather.enis.find((eni) => eni.primary)?.subnetId ?? 'the node subnet'
  if (!config.customNetworking) {
    return {description: `the primary ENI's subnet ${primarySubnet}`, eniConfig: null, securityGroups: [], subnetId: primarySubnet, unusable: null}
  }

  const env = gather.agent.podEnv ?? gather.agent.daemonSetEnv
  const name =
    gather.node.annotations[env.ENI_CONFIG_ANNOTATION_DEF ?? DEFAULT_KEY] ?? gather.node.labels[env.ENI_CONFIG_LABEL_DEF ?? DEFAULT_KEY] ?? 'default'
  const eniConfig = gather.eniConfigs.find((c) => c.name === name)
  if (!eniConfig) {
    const unusable = `custom networking names ENIConfig ${name}, which does not exist: ipamd cannot add an ENI`
    return {description: `ENIConfig ${name}, which does not exist: ipamd cannot add an ENI`, eniConfig: name, securityGroups: [], subnetId: primarySubnet, unusable}
  }

  const description = `${eniConfig.subnet}, from ENIConfig ${name}`
  // The subnets read are those of the ENIs and the ENIConfigs: one EC2 did not return does not exist (or is not visible).
  const unusable = gather.subnets.some((s) => s.subnetId === eniConfig.subnet)
    ? null
    : `ENIConfig ${name} names subnet ${eniConfig.subnet}, which EC2 does not know: CreateNetworkInterface fails (InvalidSubnetID.NotFound), ipamd cannot add an ENI`
  return {description, eniConfig: name, securityGroups: eniConfig.securityGroups, subnetId: eniConfig.subnet, unusable}
}

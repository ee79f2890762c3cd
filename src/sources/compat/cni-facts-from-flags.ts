import type {ClusterCniFacts, InstallKind} from '../../core/compat/cluster-cni-facts.js'
import {UserError} from '../../errors.js'

interface FactFlags {
  cniVersion?: string
  cniFlag: string
  install?: string
  kubernetesVersion?: string
}

/**
 * Cluster facts from flags. Reading them from the live cluster (aws-node image tag, API server version, EKS DescribeAddon)
 * belongs to the live sources layer; until it is wired in, a missing version flag is bad usage, named in one line.
 */
export function cniFactsFromFlags(flags: FactFlags, required: {kubernetes: boolean}): ClusterCniFacts {
  const missing = [
    flags.cniVersion === undefined ? flags.cniFlag : undefined,
    required.kubernetes && flags.kubernetesVersion === undefined ? '--kubernetes-version' : undefined,
  ].filter((f): f is string => f !== undefined)
  if (missing.length > 0) {
    throw new UserError(`pass ${missing.join(' and ')}: reading the versions from a live cluster is not available yet`, {
      hint: 'e.g. --cni-version v1.19.2 --kubernetes-version 1.30',
    })
  }

  return {
    cniVersion: flags.cniVersion as string,
    installKind: flags.install as InstallKind | undefined,
    kubernetesVersion: flags.kubernetesVersion,
  }
}

import {parseImage} from '../diff/value-equivalence.js'
import type {InstallKind} from './cluster-cni-facts.js'

/** Where one fact behind a verdict or a plan came from: a flag, the cluster, EKS, or nowhere (unknown). */
export interface FactSource {
  fact: 'addonVersions' | 'cniVersion' | 'installKind' | 'kubernetesVersion'
  from: string
  /** Whether the cluster or EKS supplied it, rather than a flag. */
  live: boolean
  value: null | string
}

/** As much of EKS DescribeAddon's answer as the install kind needs; `reason` starts with the call's name. */
export type AddonAnswer =
  | {available: false; call: string; permission: null | string; reason: string}
  | {available: true; value: {addonVersion: null | string} | null}

export interface InstallKindFinding {
  kind?: InstallKind
  /** Said to the user when EKS could not tell. */
  note?: string
  source: FactSource
}

/**
 * The install kind EKS reports: the vpc-cni add-on exists (managed) or not (self-managed). When EKS cannot be asked,
 * the kind is unknown rather than guessed: a self-managed install on a cluster without EKS access is common.
 */
export function installKindFromAddon(answer: AddonAnswer): InstallKindFinding {
  if (!answer.available) {
    const permission = answer.permission ? ` (needs ${answer.permission})` : ''
    return {
      note: `install kind unknown: ${answer.reason}${permission}; pass --install to say it`,
      source: {fact: 'installKind', from: `${answer.call} unavailable`, live: true, value: null},
    }
  }

  if (answer.value === null) {
    return {kind: 'self-managed', source: {fact: 'installKind', from: 'EKS DescribeAddon: no vpc-cni add-on', live: true, value: 'self-managed'}}
  }

  const version = answer.value.addonVersion ? ` (vpc-cni ${answer.value.addonVersion})` : ''
  return {kind: 'managed', source: {fact: 'installKind', from: `EKS DescribeAddon${version}`, live: true, value: 'managed'}}
}

/** The CNI version an aws-node image names: `...amazon-k8s-cni:v1.19.0-eksbuild.1` → `v1.19.0-eksbuild.1`; undefined for `latest` or a digest. */
export function cniVersionFromImage(image: string): string | undefined {
  const {tag} = parseImage(image.split('@')[0])
  return /^v?\d+\.\d+\.\d+/.test(tag) ? tag : undefined
}

/** A fact given on the command line. */
export function flagSource(fact: FactSource['fact'], flag: string, value: string): FactSource {
  return {fact, from: flag, live: false, value}
}

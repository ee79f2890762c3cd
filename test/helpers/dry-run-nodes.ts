import {parseCniVersion} from '../../src/core/cni-version.js'
import type {DryRunContext} from '../../src/core/dry-run/dry-run-node.js'
import type {EniFacts, NodeGather} from '../../src/core/dry-run/node-facts.js'
import {findInstanceType} from '../../src/data/instance-catalog.js'

/** Nodes for the dry-run's core tests: one clock, ENIs and pods built from a few figures. */
export const NOW = 1_764_000_000
export const iso = (secondsAgo: number) => new Date((NOW - secondsAgo) * 1000).toISOString()
export const ips = (base: string, n: number, from = 10) => Array.from({length: n}, (_, i) => `${base}.${i + from}`)

export function eniFacts(deviceIndex: number, secondaryIps: string[], extra: Partial<EniFacts> = {}): EniFacts {
  return {
    attachTime: iso(3600), attachmentId: `eni-attach-${deviceIndex}`, deviceIndex, id: `eni-${deviceIndex}aaaa`, interfaceType: 'interface',
    networkCardIndex: 0, prefixes: [], primary: deviceIndex === 0, secondaryIps, subnetId: 'subnet-a',
    tags: deviceIndex === 0 ? {} : {'node.k8s.amazonaws.com/instance_id': 'i-0abc'}, ...extra,
  }
}

/** A node with the given ENIs, running pods on the given IPs and `pending` pods waiting; aws-node started an hour ago. */
export function nodeWith(options: {enis: EniFacts[]; env?: Record<string, string>; free?: number; pending?: number; podIps: string[]; type?: string}): NodeGather {
  const env = options.env ?? {}
  const running = options.podIps.map((ip, i) => ({hostNetwork: false, name: `web-${i}`, namespace: 'default', phase: 'Running', podEni: false, podIps: [ip]}))
  const pending = Array.from({length: options.pending ?? 0}, (_, i) => ({hostNetwork: false, name: `new-${i}`, namespace: 'default', phase: 'Pending', podEni: false, podIps: []}))
  return {
    agent: {daemonSetEnv: env, podEnv: env, podName: 'kube-system/aws-node-abcde', startedAt: iso(3600), unresolved: []},
    eniConfigs: [],
    enis: options.enis,
    node: {annotations: {}, capacityPods: null, instanceId: 'i-0abc', instanceType: options.type ?? 'm5.large', labels: {}, name: 'node-a', zone: 'us-west-2a'},
    pods: [...running, ...pending],
    subnets: [{availableIpAddressCount: options.free ?? 4000, subnetId: 'subnet-a', tags: {}}],
  }
}

export const context: DryRunContext = {checkpoint: null, cniVersion: parseCniVersion('v1.23.1'), findInstanceType, introspection: null, now: NOW, set: {}}

/**
 * vCPU counts for the types the VPC CNI's table lists but the recorded EC2 DescribeInstanceTypes data does not
 * (retired or never widely offered types). Each figure is the "Default vCPUs" column of the Hardware specifications
 * table in the EC2 User Guide, at the last revision of its public source that still held those tables.
 *
 * Still unknown, with no public hardware table found: bmn-sf1.metal, c5a.metal, c5ad.metal, c7i.32xlarge.
 * max-pods applies the smaller cap (110) to them and warns.
 */
import type {DataSource} from '../src/core/instance-type.js'

const GUIDE = {commit: 'dcfd52bbc4641d131f5d71feab6457b73976ff6f', date: '2023-01-19', repository: 'awsdocs/amazon-ec2-user-guide'}

export interface VcpuFact {
  path: string
  vcpus: number
}

const accelerated = 'doc_source/accelerated-computing-instances.md'
const memory = 'doc_source/memory-optimized-instances.md'
const storage = 'doc_source/storage-optimized-instances.md'

export const VCPU_FACTS: Record<string, VcpuFact> = {
  'cr1.8xlarge': {path: memory, vcpus: 32},
  'dl1.24xlarge': {path: accelerated, vcpus: 96},
  'f1.16xlarge': {path: accelerated, vcpus: 64},
  'f1.2xlarge': {path: accelerated, vcpus: 8},
  'f1.4xlarge': {path: accelerated, vcpus: 16},
  'hs1.8xlarge': {path: storage, vcpus: 16},
  'p3.16xlarge': {path: accelerated, vcpus: 64},
  'p3.2xlarge': {path: accelerated, vcpus: 8},
  'p3.8xlarge': {path: accelerated, vcpus: 32},
  'u-12tb1.metal': {path: memory, vcpus: 448},
  'u-18tb1.metal': {path: memory, vcpus: 448},
  'u-24tb1.metal': {path: memory, vcpus: 448},
  'u-6tb1.metal': {path: memory, vcpus: 448},
  'u-9tb1.metal': {path: memory, vcpus: 448},
}

/** The provenance entries for INSTANCE_DATA_INFO: one per guide page cited. */
export function vcpuFactSources(): DataSource[] {
  const byPath = new Map<string, string[]>()
  for (const [type, fact] of Object.entries(VCPU_FACTS)) byPath.set(fact.path, [...(byPath.get(fact.path) ?? []), type])
  return [...byPath.entries()].map(([path, types]) => ({
    ...GUIDE,
    description: `vCPUs of ${types.sort().join(', ')}: the Hardware specifications table (Default vCPUs)`,
    path,
  }))
}

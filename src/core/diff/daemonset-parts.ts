import type {KubeObject} from './diff-report.js'

export interface EnvItem {
  name: string
  value?: string
  valueFrom?: unknown
}

export interface ContainerSpec {
  args?: string[]
  env?: EnvItem[]
  name: string
}

export const AWS_NODE_PATH = '.spec.template.spec.containers[name="aws-node"]'
export const INIT_PATH = '.spec.template.spec.initContainers[name="aws-vpc-cni-init"]'

function podSpec(ds: KubeObject): {containers?: ContainerSpec[]; initContainers?: ContainerSpec[]} {
  return (ds.spec as {template?: {spec?: object}} | undefined)?.template?.spec ?? {}
}

export function findContainer(ds: KubeObject, name: string, init = false): ContainerSpec | undefined {
  const pod = podSpec(ds)
  return (init ? pod.initContainers : pod.containers)?.find((c) => c.name === name)
}

/** Plain `value` entries of a container's env, by name (valueFrom entries have no literal value). */
export function envValues(container: ContainerSpec | undefined): Map<string, string> {
  const values = new Map<string, string>()
  for (const item of container?.env ?? []) if (typeof item.value === 'string') values.set(item.name, item.value)
  return values
}

/** `--enable-network-policy=false` → `false`; undefined when the flag is absent. */
export function argValue(container: ContainerSpec | undefined, flag: string): string | undefined {
  const arg = container?.args?.find((a) => a.startsWith(`${flag}=`))
  return arg?.slice(flag.length + 1)
}

import {fieldsV1Of} from './fields-v1.js'
import {upstreamObject} from './upstream-manifest.js'

type Json = {[key: string]: unknown}
type EnvEntry = {name: string; value?: string}

export interface AwsNodeOptions {
  /** Env of the aws-node container as installed: replaces or adds to the upstream manifest's. */
  env?: Record<string, string>
  /** Tag the installer gave the aws-node and aws-vpc-cni-init images, e.g. `v1.19.0-eksbuild.1` (default: the manifest's). */
  imageTag?: string
  /** Who installed it: the EKS add-on (server-side apply by manager `eks`) or `kubectl apply` (client-side, Update). */
  installedBy?: 'eks' | 'kubectl'
  /** The network policy agent enforces policies (`--enable-network-policy=true`), as the add-on's enableNetworkPolicy installs it. */
  networkPolicy?: boolean
  /** Ready aws-node pods, for the status. */
  nodeCount: number
  /** Env a user changed afterwards with `kubectl set env`: manager `kubectl-set` then owns those entries. */
  userEnv?: Record<string, string>
  /** The aws-node image a user changed afterwards with `kubectl set image`: manager `kubectl-set` then owns it. */
  userImage?: string
}

const INSTALLED_AT = '2026-11-20T08:00:00Z'
const EDITED_AT = '2026-11-24T16:30:00Z'
const CONTAINER_KEY = 'k:{"name":"aws-node"}'

/** The aws-node DaemonSet of ../shared/data/aws-k8s-cni.yaml as a cluster serves it: env, defaults, managedFields, status. */
export function makeAwsNodeDaemonSet(options: AwsNodeOptions): Json {
  const daemonSet = upstreamObject('DaemonSet', 'aws-node')
  setEnv(daemonSet, options.env ?? {})
  if (options.imageTag) setImageTag(daemonSet, options.imageTag)
  if (options.networkPolicy) {
    const agent = containers(daemonSet).find((c) => c.name === 'aws-eks-nodeagent')!
    agent.args = (agent.args as string[]).map((arg) => (arg.startsWith('--enable-network-policy=') ? '--enable-network-policy=true' : arg))
  }

  const installer = options.installedBy === 'kubectl' ? 'kubectl-client-side-apply' : 'eks'
  const applied = structuredClone(daemonSet)
  const installerFields = fieldsV1Of({metadata: {labels: (applied.metadata as Json).labels}, spec: applied.spec})
  const userEnv = Object.entries(options.userEnv ?? {})
  setEnv(daemonSet, options.userEnv ?? {})
  const envOwned = (((installerFields['f:spec'] as Json)['f:template'] as Json)['f:spec'] as Json)['f:containers'] as Json
  for (const [name] of userEnv) delete ((envOwned[CONTAINER_KEY] as Json)['f:env'] as Json)[`k:{"name":"${name}"}`]
  if (options.userImage) {
    containers(daemonSet).find((c) => c.name === 'aws-node')!.image = options.userImage
    delete (envOwned[CONTAINER_KEY] as Json)['f:image']
  }

  const edited = userEnv.length > 0 || options.userImage !== undefined
  const generation = edited ? 2 : 1
  const metadata = daemonSet.metadata as Json
  metadata.annotations = {
    'deprecated.daemonset.template.generation': String(generation),
    ...(installer === 'eks' ? {} : {'kubectl.kubernetes.io/last-applied-configuration': `${JSON.stringify(applied)}\n`}),
  }
  Object.assign(metadata, {creationTimestamp: INSTALLED_AT, generation, resourceVersion: '48213', uid: '5b1f2c1e-7d0a-4c55-9d3e-2a1f0e6b9c01'})
  metadata.managedFields = [
    entry(installer, installer === 'eks' ? 'Apply' : 'Update', INSTALLED_AT, installerFields),
    ...(edited ? [entry('kubectl-set', 'Update', EDITED_AT, userFields(userEnv.map(([name]) => name), options.userImage !== undefined))] : []),
    {...entry('kube-controller-manager', 'Update', EDITED_AT, statusFields()), subresource: 'status'},
  ]
  applyServerDefaults(daemonSet)
  const n = options.nodeCount
  daemonSet.status = {
    currentNumberScheduled: n, desiredNumberScheduled: n, numberAvailable: n, numberMisscheduled: 0, numberReady: n,
    observedGeneration: generation, updatedNumberScheduled: n,
  }
  return daemonSet
}

function containers(daemonSet: Json): Json[] {
  return ((daemonSet.spec as Json).template as {spec: {containers: Json[]}}).spec.containers
}

function setEnv(daemonSet: Json, env: Record<string, string>): void {
  const awsNode = containers(daemonSet).find((c) => c.name === 'aws-node')!
  const list = awsNode.env as EnvEntry[]
  for (const [name, value] of Object.entries(env)) {
    const existing = list.find((e) => e.name === name)
    if (existing) existing.value = value
    else list.push({name, value})
  }
}

function entry(manager: string, operation: string, time: string, fieldsV1: Json): Json {
  return {apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1, manager, operation, time}
}

function setImageTag(daemonSet: Json, tag: string): void {
  const podSpec = (daemonSet.spec as {template: {spec: {initContainers: Json[]}}}).template.spec
  for (const container of [...containers(daemonSet), ...podSpec.initContainers]) {
    const image = String(container.image)
    if (/amazon-k8s-cni(-init)?:/.test(image)) container.image = image.replace(/:[^:/]+$/, `:${tag}`)
  }
}

function userFields(envNames: string[], image: boolean): Json {
  const env = Object.fromEntries(envNames.map((name) => [`k:{"name":"${name}"}`, {'.': {}, 'f:name': {}, 'f:value': {}}]))
  const container = {...(envNames.length > 0 ? {'f:env': env} : {}), ...(image ? {'f:image': {}} : {})}
  return {'f:spec': {'f:template': {'f:spec': {'f:containers': {[CONTAINER_KEY]: container}}}}}
}

function statusFields(): Json {
  const names = ['currentNumberScheduled', 'desiredNumberScheduled', 'numberAvailable', 'numberReady', 'observedGeneration', 'updatedNumberScheduled']
  return {'f:status': Object.fromEntries(names.map((name) => [`f:${name}`, {}]))}
}

/** Fields the API server fills in on create; no manager owns them, which is what a diff must tell apart. */
function applyServerDefaults(daemonSet: Json): void {
  const spec = daemonSet.spec as Json
  spec.revisionHistoryLimit = 10
  Object.assign((spec.updateStrategy as Json).rollingUpdate as Json, {maxSurge: 0})
  const podSpec = (spec.template as Json).spec as Json
  Object.assign(podSpec, {dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccount: 'aws-node'})
  for (const container of [...containers(daemonSet), ...(podSpec.initContainers as Json[])]) {
    Object.assign(container, {terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File'})
    for (const port of (container.ports ?? []) as Json[]) Object.assign(port, {hostPort: port.containerPort, protocol: 'TCP'})
    for (const probe of [container.livenessProbe, container.readinessProbe] as Json[]) {
      if (probe) Object.assign(probe, {failureThreshold: 3, periodSeconds: 10, successThreshold: 1})
    }
  }
}

import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

import {defaultEksState, type EksFakeState} from './eks-fixtures.js'

/** One request as it reached the fake; `operation` is the EKS API action it routed to, or `unknown`. */
export interface RecordedEksRequest {
  method: string
  operation: string
  path: string
  query: Record<string, string>
}

export type EksFault = {kind: 'deny' | 'throttle'; operation: string; times?: number}

export interface EksFake {
  addFault(fault: EksFault): void
  clearFaults(): void
  endpoint: string
  requests: RecordedEksRequest[]
  /** What the fake serves; tests change it freely. */
  state: EksFakeState
  stop(): Promise<void>
}

type Answer =
  | {body: Record<string, unknown>; status: number}
  | {error: string; fields?: Record<string, string>; message: string; status: number}

/** A loopback EKS API (restJson1) for the cluster, add-on and node-group reads moto does not serve; errors carry `x-amzn-ErrorType`. */
export async function startEksFake(state: EksFakeState = defaultEksState()): Promise<EksFake> {
  const requests: RecordedEksRequest[] = []
  const faults: EksFault[] = []
  const fake = {state}
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://lab')
    const [operation, answer] = route(fake.state, req, url)
    requests.push({method: req.method ?? '', operation, path: url.pathname, query: Object.fromEntries(url.searchParams)})
    req.resume()
    send(res, takeFault(faults, operation) ?? answer)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return Object.assign(fake, {
    addFault: (fault: EksFault) => faults.push(fault),
    clearFaults: () => faults.splice(0),
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}

function route(state: EksFakeState, req: IncomingMessage, url: URL): [string, Answer] {
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent)
  if (req.method !== 'GET') return ['unknown', {error: 'NotFoundException', message: `lab fake serves only reads, not ${req.method}`, status: 404}]
  if (parts[0] === 'clusters' && parts.length === 2) return ['DescribeCluster', describeCluster(state, parts[1])]
  if (parts[0] === 'clusters' && parts[2] === 'addons' && parts.length === 4) return ['DescribeAddon', describeAddon(state, parts[1], parts[3])]
  if (parts[0] === 'clusters' && parts[2] === 'node-groups' && parts.length === 3) return ['ListNodegroups', listNodegroups(state, parts[1], url.searchParams)]
  if (parts[0] === 'clusters' && parts[2] === 'node-groups' && parts.length === 4) return ['DescribeNodegroup', describeNodegroup(state, parts[1], parts[3])]
  if (url.pathname === '/addons/supported-versions') return ['DescribeAddonVersions', describeAddonVersions(state, url.searchParams)]
  if (url.pathname === '/addons/configuration-schemas') return ['DescribeAddonConfiguration', describeAddonConfiguration(state, url.searchParams)]
  return ['unknown', {error: 'NotFoundException', message: `no route for ${url.pathname}`, status: 404}]
}

function describeCluster(state: EksFakeState, name: string): Answer {
  const cluster = state.clusters[name]
  if (cluster) return {body: {cluster}, status: 200}
  return {error: 'ResourceNotFoundException', fields: {clusterName: name}, message: `No cluster found for name: ${name}.`, status: 404}
}

function describeAddon(state: EksFakeState, clusterName: string, addonName: string): Answer {
  if (!state.clusters[clusterName]) return describeCluster(state, clusterName)
  const addon = state.addons[clusterName]?.[addonName]
  if (addon) return {body: {addon}, status: 200}
  const fields = {addonName, clusterName}
  return {error: 'ResourceNotFoundException', fields, message: `No addon: ${addonName} found in cluster: ${clusterName}`, status: 404}
}

/** Node group names in pages of `maxResults`, with an offset as the token. */
function listNodegroups(state: EksFakeState, clusterName: string, query: URLSearchParams): Answer {
  if (!state.clusters[clusterName]) return describeCluster(state, clusterName)
  const names = Object.keys(state.nodeGroups[clusterName] ?? {}).sort()
  const start = Number(query.get('nextToken') ?? 0)
  const size = Number(query.get('maxResults') ?? 100)
  return {body: {nextToken: start + size < names.length ? String(start + size) : null, nodegroups: names.slice(start, start + size)}, status: 200}
}

function describeNodegroup(state: EksFakeState, clusterName: string, name: string): Answer {
  const nodegroup = state.nodeGroups[clusterName]?.[name]
  if (nodegroup) return {body: {nodegroup}, status: 200}
  return {error: 'ResourceNotFoundException', fields: {clusterName, nodegroupName: name}, message: `No node group found for name: ${name}.`, status: 404}
}

/** Filters by add-on name and Kubernetes version as EKS does, keeping only the matching compatibility entries. */
function describeAddonVersions(state: EksFakeState, query: URLSearchParams): Answer {
  const name = query.get('addonName')
  const kubernetes = query.get('kubernetesVersion')
  const addons = state.addonVersions
    .filter((info) => !name || info.addonName === name)
    .map((info) => {
      if (!kubernetes) return info
      const versions = (info.addonVersions as Array<{compatibilities: Array<{clusterVersion: string}>}>)
        .map((v) => ({...v, compatibilities: v.compatibilities.filter((c) => c.clusterVersion === kubernetes)}))
        .filter((v) => v.compatibilities.length > 0)
      return {...info, addonVersions: versions}
    })
  const start = Number(query.get('nextToken') ?? 0)
  const size = Number(query.get('maxResults') ?? 100)
  const page = addons.slice(start, start + size)
  return {body: {addons: page, nextToken: start + size < addons.length ? String(start + size) : null}, status: 200}
}

function describeAddonConfiguration(state: EksFakeState, query: URLSearchParams): Answer {
  const key = `${query.get('addonName')}@${query.get('addonVersion')}`
  const schema = state.schemas[key]
  if (!schema) return {error: 'InvalidParameterException', message: `Addon version ${query.get('addonVersion')} is not supported`, status: 400}
  return {body: {addonName: query.get('addonName'), addonVersion: query.get('addonVersion'), configurationSchema: schema}, status: 200}
}

function takeFault(faults: EksFault[], operation: string): Answer | undefined {
  const index = faults.findIndex((fault) => fault.operation === operation)
  if (index < 0) return undefined
  const fault = faults[index]
  if (fault.times !== undefined && --fault.times <= 0) faults.splice(index, 1)
  return fault.kind === 'deny'
    ? {error: 'AccessDeniedException', message: `User: arn:aws:iam::111122223333:user/lab is not authorized to perform: eks:${operation}`, status: 403}
    : {error: 'ThrottlingException', message: 'Rate exceeded', status: 429}
}

function send(res: ServerResponse, answer: Answer): void {
  const headers: Record<string, string> = {'content-type': 'application/json'}
  if ('error' in answer) headers['x-amzn-errortype'] = `${answer.error}:http://internal.amazon.com/coral/com.amazonaws.eks/`
  res.writeHead(answer.status, headers)
  res.end(JSON.stringify('error' in answer ? {...answer.fields, message: answer.message} : answer.body))
}

import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

import {PrefixStore} from './ec2-prefix-store.js'
import {joinXmlItems, splitXmlItems, xmlText} from './xml-items.js'

/** One EC2 query request as it reached the lab: the read-only assertion is made over these. */
export interface RecordedEc2Request {
  action: string
  dryRun: boolean
  /** `lab` while the scenario builder writes; everything else came from the code under test. */
  origin: 'lab' | 'vpccni'
  params: Record<string, string>
}

/** A fault answered instead of moto, `times` times (every time when absent), for one action. */
export type Ec2Fault =
  | {action: string; delayMs: number; kind: 'delay'; times?: number}
  | {action: string; kind: 'throttle' | 'unauthorized'; times?: number}

export interface Ec2FaultProxy {
  addFault(fault: Ec2Fault): void
  endpoint: string
  /** InterfaceType by ENI id (`trunk`, `efa`), which moto cannot hold: written into DescribeNetworkInterfaces answers. */
  interfaceTypes: Map<string, string>
  /** Forgets faults and page sizes (not the records, nor the prefixes, which belong to the scenario). */
  clearFaults(): void
  /** TCP connections accepted so far: a client that keeps its connection opens one for many requests. */
  connections(): number
  prefixes: PrefixStore
  requests: RecordedEc2Request[]
  /** Marks the requests that follow as the lab's own (the scenario builder's writes) or not. */
  setOrigin(origin: RecordedEc2Request['origin']): void
  /** Serves ACTION's list in pages of at most `size` items with NextToken; moto itself ignores MaxResults. */
  setPageSize(action: string, size: number): void
  stop(): Promise<void>
}

/** The set element that holds each pageable action's list. */
const LIST_SETS: Record<string, string> = {
  DescribeInstanceTypes: 'instanceTypeSet',
  DescribeInstances: 'reservationSet',
  DescribeNetworkInterfaces: 'networkInterfaceSet',
  DescribeSubnets: 'subnetSet',
}

const ERRORS = {
  throttle: {code: 'RequestLimitExceeded', message: 'Request limit exceeded.', status: 503},
  unauthorized: {code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.', status: 403},
}

/** A loopback HTTP proxy in front of moto that records every EC2 request and injects what moto cannot. */
export async function startEc2FaultProxy(upstream: string): Promise<Ec2FaultProxy> {
  const requests: RecordedEc2Request[] = []
  const faults: Ec2Fault[] = []
  const pageSizes = new Map<string, number>()
  const prefixes = new PrefixStore()
  const interfaceTypes = new Map<string, string>()
  const context: ProxyContext = {faults, interfaceTypes, listCache: new Map(), origin: 'vpccni', pageSizes, prefixes, upstream}
  const server = createServer((req, res) => {
    handle(context, requests, req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500, {'content-type': 'text/plain'})
      res.end(`lab proxy error: ${error.message}`)
    })
  })
  let connections = 0
  server.on('connection', () => connections++)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    addFault: (fault) => faults.push(fault),
    clearFaults() {
      faults.length = 0
      for (const key of context.listCache.keys()) if (!key.startsWith('Action=DescribeInstanceTypes&')) context.listCache.delete(key)
      pageSizes.clear()
    },
    connections: () => connections,
    endpoint: `http://127.0.0.1:${port}`,
    interfaceTypes,
    prefixes,
    requests,
    setOrigin(origin) {
      context.origin = origin
    },
    setPageSize: (action, size) => pageSizes.set(action, size),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

interface ProxyContext {
  faults: Ec2Fault[]
  interfaceTypes: Map<string, string>
  listCache: Map<string, {status: number; text: string}>
  origin: RecordedEc2Request['origin']
  pageSizes: Map<string, number>
  prefixes: PrefixStore
  upstream: string
}

async function handle(context: ProxyContext, log: RecordedEc2Request[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const params = new URLSearchParams(new URL(req.url ?? '/', 'http://lab').search)
  for (const [key, value] of new URLSearchParams(Buffer.concat(chunks).toString())) params.set(key, value)
  const action = params.get('Action') ?? ''
  log.push({action, dryRun: params.get('DryRun') === 'true', origin: context.origin, params: Object.fromEntries(params)})

  const fault = takeFault(context.faults, action)
  if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
  else if (fault) return sendError(res, ERRORS[fault.kind])

  if (action === 'AssignPrivateIpAddresses' && params.has('Ipv4Prefix.1')) return assignPrefixes(context, params, res)
  const pageSize = context.pageSizes.get(action)
  const token = params.get('NextToken')
  // moto ignores both for DescribeInstanceTypes anyway; dropping them lets every request share one cached answer.
  const wholeList = pageSize !== undefined || action === 'DescribeInstanceTypes'
  if (wholeList) {
    params.delete('NextToken')
    params.delete('MaxResults')
  }

  let body = wholeList ? await forwardCached(context, params) : await forward(context.upstream, params)
  if (action === 'DescribeNetworkInterfaces') {
    body.text = decorateInterfaceTypes(context.prefixes.decorateNetworkInterfaces(body.text), context.interfaceTypes)
  }

  if (action === 'DescribeSubnets') body.text = context.prefixes.decorateSubnets(body.text)
  if (pageSize && body.status === 200) body = {...body, text: page(body.text, LIST_SETS[action], pageSize, token)}
  res.writeHead(body.status, {'content-type': 'text/xml'})
  res.end(body.text)
}

function decorateInterfaceTypes(xml: string, types: Map<string, string>): string {
  if (types.size === 0) return xml
  const parts = splitXmlItems(xml, 'networkInterfaceSet')
  if (!parts) return xml
  parts.items = parts.items.map((item) => {
    const type = types.get(xmlText(item, 'networkInterfaceId') ?? '')
    if (!type) return item
    const without = item.replace(/<interfaceType>[^<]*<\/interfaceType>/, '')
    return `${without.slice(0, -'</item>'.length)}<interfaceType>${type}</interfaceType></item>`
  })
  return joinXmlItems('networkInterfaceSet', parts)
}

function takeFault(faults: Ec2Fault[], action: string): Ec2Fault | undefined {
  const index = faults.findIndex((fault) => fault.action === action)
  if (index < 0) return undefined
  const fault = faults[index]
  if (fault.times !== undefined && --fault.times <= 0) faults.splice(index, 1)
  return fault
}

/**
 * moto answers a whole list every time (every instance type takes ~3 s): pages come from one copy, and the
 * instance types, which never change, are kept until the proxy stops.
 */
async function forwardCached(context: ProxyContext, params: URLSearchParams): Promise<{status: number; text: string}> {
  const key = params.toString()
  const cached = context.listCache.get(key) ?? (await forward(context.upstream, params))
  if (cached.status === 200) context.listCache.set(key, cached)
  return {...cached}
}

async function forward(upstream: string, params: URLSearchParams): Promise<{status: number; text: string}> {
  const response = await fetch(upstream, {
    body: params.toString(),
    headers: {
      authorization: 'AWS4-HMAC-SHA256 Credential=AKIALABLABLABLAB/20260101/us-west-2/ec2/aws4_request',
      'content-type': 'application/x-www-form-urlencoded',
    },
    method: 'POST',
  })
  return {status: response.status, text: await response.text()}
}

/** One page of the full list moto returned; the token is the offset of the next page. */
function page(xml: string, setName: string, size: number, token: null | string): string {
  const parts = splitXmlItems(xml, setName)
  if (!parts) return xml
  const offset = token ? Number(token.replace('lab-page-', '')) : 0
  const rest = parts.items.length - offset - size
  parts.items = parts.items.slice(offset, offset + size)
  parts.after = parts.after.replace(/<nextToken\/>|<nextToken>[^<]*<\/nextToken>/, '')
  return joinXmlItems(setName, parts, rest > 0 ? `<nextToken>lab-page-${offset + size}</nextToken>` : '')
}

async function assignPrefixes(context: ProxyContext, params: URLSearchParams, res: ServerResponse): Promise<void> {
  const eniId = params.get('NetworkInterfaceId') ?? ''
  const assigned = [...params].filter(([key]) => key.startsWith('Ipv4Prefix.')).map(([, value]) => value)
  const described = await forward(context.upstream, new URLSearchParams({Action: 'DescribeNetworkInterfaces', 'NetworkInterfaceId.1': eniId, Version: '2016-11-15'}))
  const subnetId = xmlText(described.text, 'subnetId')
  if (!subnetId) return sendError(res, {code: 'InvalidNetworkInterfaceID.NotFound', message: `no ENI ${eniId}`, status: 400})
  context.prefixes.add(eniId, subnetId, assigned)
  const set = assigned.map((prefix) => `<item><ipv4Prefix>${prefix}</ipv4Prefix></item>`).join('')
  res.writeHead(200, {'content-type': 'text/xml'})
  res.end(
    `<AssignPrivateIpAddressesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>lab</requestId>` +
      `<networkInterfaceId>${eniId}</networkInterfaceId><assignedIpv4PrefixSet>${set}</assignedIpv4PrefixSet></AssignPrivateIpAddressesResponse>`,
  )
}

function sendError(res: ServerResponse, error: {code: string; message: string; status: number}): void {
  res.writeHead(error.status, {'content-type': 'text/xml'})
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${error.code}</Code>` +
      `<Message>${error.message}</Message></Error></Errors><RequestID>lab-fault</RequestID></Response>`,
  )
}

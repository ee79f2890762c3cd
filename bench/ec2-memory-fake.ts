// An EC2 query API answering from memory, for bench/doctor.ts only: moto takes minutes to build and seconds per answer
// at 5,000 instances and 10,000 ENIs, which would measure moto, not vpccni. It serves the four reads doctor makes, with
// the filters, MaxResults and NextToken the SDK's paginators send, in the ec2 protocol's XML; it records each request.
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

export interface FakeEni {
  attachment: {deviceIndex: number; instanceId: string} | null
  description: string
  id: string
  primaryIp: string
  secondaryIps: string[]
  status: 'available' | 'in-use'
  subnetId: string
  tags: Record<string, string>
  zone: string
}

export interface FakeInstance {
  id: string
  launchTime: string
  privateIp: string
  subnetId: string
  type: string
  zone: string
}

export interface FakeSubnet {
  available: number
  cidr: string
  id: string
  zone: string
}

export interface Ec2World {
  enis: FakeEni[]
  instances: FakeInstance[]
  subnets: FakeSubnet[]
  vpcId: string
}

const NS = 'http://ec2.amazonaws.com/doc/2016-11-15/'
const tags = (t: Record<string, string>) => `<tagSet>${Object.entries(t).map(([k, v]) => `<item><key>${k}</key><value>${v}</value></item>`).join('')}</tagSet>`

function instanceXml(i: FakeInstance, vpcId: string): string {
  return `<item><reservationId>r-${i.id.slice(2)}</reservationId><ownerId>111122223333</ownerId><instancesSet><item><instanceId>${i.id}</instanceId>` +
    `<instanceType>${i.type}</instanceType><placement><availabilityZone>${i.zone}</availabilityZone></placement><subnetId>${i.subnetId}</subnetId>` +
    `<vpcId>${vpcId}</vpcId><privateIpAddress>${i.privateIp}</privateIpAddress><instanceState><code>16</code><name>running</name></instanceState>` +
    `<launchTime>${i.launchTime}</launchTime><metadataOptions><httpTokens>required</httpTokens><httpEndpoint>enabled</httpEndpoint></metadataOptions></item></instancesSet></item>`
}

function eniXml(e: FakeEni, vpcId: string): string {
  const attachment = e.attachment
    ? `<attachment><attachmentId>eni-attach-${e.id.slice(4)}</attachmentId><deviceIndex>${e.attachment.deviceIndex}</deviceIndex><networkCardIndex>0</networkCardIndex><instanceId>${e.attachment.instanceId}</instanceId><status>attached</status></attachment>`
    : ''
  const addresses = [`<item><privateIpAddress>${e.primaryIp}</privateIpAddress><primary>true</primary></item>`, ...e.secondaryIps.map((ip) => `<item><privateIpAddress>${ip}</privateIpAddress><primary>false</primary></item>`)]
  return `<item><networkInterfaceId>${e.id}</networkInterfaceId><subnetId>${e.subnetId}</subnetId><vpcId>${vpcId}</vpcId><availabilityZone>${e.zone}</availabilityZone>` +
    `<description>${e.description}</description><status>${e.status}</status><privateIpAddress>${e.primaryIp}</privateIpAddress><interfaceType>interface</interfaceType>` +
    `${attachment}<groupSet><item><groupId>sg-0bench</groupId></item></groupSet><privateIpAddressesSet>${addresses.join('')}</privateIpAddressesSet>${tags(e.tags)}</item>`
}

/** Filter.N.Value.M of the filter named NAME. */
function filterValues(params: URLSearchParams, name: string): Set<string> | undefined {
  for (let n = 1; params.has(`Filter.${n}.Name`); n++) {
    if (params.get(`Filter.${n}.Name`) !== name) continue
    const values = new Set<string>()
    for (let m = 1; params.has(`Filter.${n}.Value.${m}`); m++) values.add(params.get(`Filter.${n}.Value.${m}`)!)
    return values
  }

  return undefined
}

function page<T>(items: T[], params: URLSearchParams): {items: T[]; next: string} {
  const start = Number(params.get('NextToken') ?? 0)
  const size = Number(params.get('MaxResults') ?? 1000)
  const next = start + size < items.length ? `<nextToken>${start + size}</nextToken>` : ''
  return {items: items.slice(start, start + size), next}
}

export async function startEc2MemoryFake(world: Ec2World): Promise<{endpoint: string; requests: Record<string, number>; stop(): Promise<void>}> {
  const requests: Record<string, number> = {}
  const enisBySubnet = new Map<string, FakeEni[]>()
  for (const eni of world.enis) {
    const list = enisBySubnet.get(eni.subnetId) ?? []
    list.push(eni)
    enisBySubnet.set(eni.subnetId, list)
  }

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const params = new URLSearchParams(Buffer.concat(chunks).toString())
    const action = params.get('Action') ?? ''
    requests[action] = (requests[action] ?? 0) + 1
    let body: string
    if (action === 'DescribeInstances') {
      const ids = filterValues(params, 'instance-id')
      const {items, next} = page(world.instances.filter((i) => !ids || ids.has(i.id)), params)
      body = `<reservationSet>${items.map((i) => instanceXml(i, world.vpcId)).join('')}</reservationSet>${next}`
    } else if (action === 'DescribeNetworkInterfaces') {
      const subnets = filterValues(params, 'subnet-id')
      const pool = subnets ? [...subnets].flatMap((s) => enisBySubnet.get(s) ?? []) : world.enis
      const {items, next} = page(pool, params)
      body = `<networkInterfaceSet>${items.map((e) => eniXml(e, world.vpcId)).join('')}</networkInterfaceSet>${next}`
    } else if (action === 'DescribeSubnets') {
      const ids = filterValues(params, 'subnet-id')
      const items = world.subnets.filter((s) => !ids || ids.has(s.id))
      body = `<subnetSet>${items.map((s) => `<item><subnetId>${s.id}</subnetId><vpcId>${world.vpcId}</vpcId><cidrBlock>${s.cidr}</cidrBlock><availableIpAddressCount>${s.available}</availableIpAddressCount><availabilityZone>${s.zone}</availabilityZone><availabilityZoneId>usw2-az${s.zone.at(-1)}</availabilityZoneId><tagSet/></item>`).join('')}</subnetSet>`
    } else if (action === 'GetSubnetCidrReservations') {
      body = '<subnetIpv4CidrReservationSet/><subnetIpv6CidrReservationSet/>'
    } else {
      res.writeHead(400, {'content-type': 'text/xml'})
      res.end(`<Response><Errors><Error><Code>InvalidAction</Code><Message>${action} is not served by the bench fake</Message></Error></Errors></Response>`)
      return
    }

    res.writeHead(200, {'content-type': 'text/xml'})
    res.end(`<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="${NS}"><requestId>bench</requestId>${body}</${action}Response>`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {endpoint: `http://127.0.0.1:${port}`, requests, stop: () => new Promise((resolve) => server.close(() => resolve()))}
}

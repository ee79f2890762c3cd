import {joinXmlItems, splitXmlItems, xmlText} from './xml-items.js'

/**
 * moto 5 keeps no IPv4 prefixes (AssignPrivateIpAddresses ignores Ipv4Prefix.N), so the lab keeps them here
 * and writes them into DescribeNetworkInterfaces and DescribeSubnets answers the way EC2 reports them.
 */
export class PrefixStore {
  private readonly byEni = new Map<string, {prefixes: string[]; subnetId: string}>()

  add(networkInterfaceId: string, subnetId: string, prefixes: string[]): void {
    const entry = this.byEni.get(networkInterfaceId) ?? {prefixes: [], subnetId}
    entry.prefixes.push(...prefixes)
    this.byEni.set(networkInterfaceId, entry)
  }

  clear(): void {
    this.byEni.clear()
  }

  /** Adds `ipv4PrefixSet` to every ENI item that holds prefixes. */
  decorateNetworkInterfaces(xml: string): string {
    const parts = splitXmlItems(xml, 'networkInterfaceSet')
    if (!parts) return xml
    parts.items = parts.items.map((item) => {
      const entry = this.byEni.get(xmlText(item, 'networkInterfaceId') ?? '')
      if (!entry) return item
      const set = entry.prefixes.map((prefix) => `<item><ipv4Prefix>${prefix}</ipv4Prefix></item>`).join('')
      return `${item.slice(0, -'</item>'.length)}<ipv4PrefixSet>${set}</ipv4PrefixSet></item>`
    })
    return joinXmlItems('networkInterfaceSet', parts)
  }

  /** Each /28 prefix takes 16 addresses out of its subnet's free count. */
  decorateSubnets(xml: string): string {
    const parts = splitXmlItems(xml, 'subnetSet')
    if (!parts) return xml
    parts.items = parts.items.map((item) => {
      const subnetId = xmlText(item, 'subnetId')
      const used = [...this.byEni.values()].filter((e) => e.subnetId === subnetId).reduce((n, e) => n + 16 * e.prefixes.length, 0)
      const free = Number(xmlText(item, 'availableIpAddressCount'))
      if (!used || Number.isNaN(free)) return item
      return item.replace(/<availableIpAddressCount>\d+</, `<availableIpAddressCount>${free - used}<`)
    })
    return joinXmlItems('subnetSet', parts)
  }
}

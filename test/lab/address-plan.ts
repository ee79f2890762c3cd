/**
 * Hands out addresses of one subnet deterministically: single IPs from the bottom (after the 4 addresses AWS
 * reserves), /28 prefixes from the top, so the two never meet. moto's own random picks can repeat an address.
 */
export interface AddressPlan {
  nextIp(): string
  nextPrefix(): string
  /** The /28 blocks neither end has reached yet, lowest first. */
  unusedBlocks(): string[]
}

export function createAddressPlan(cidr: string): AddressPlan {
  const [base, bits] = cidr.split('/')
  const start = toNumber(base)
  const size = 2 ** (32 - Number(bits))
  let nextIp = start + 4
  // The last address is the broadcast one AWS reserves; prefixes are /28-aligned blocks below it.
  let nextPrefixTop = start + size - 16
  return {
    nextIp() {
      if (nextIp >= start + size - 1 || nextIp >= nextPrefixTop + 16) throw new Error(`subnet ${cidr} is full`)
      return toAddress(nextIp++)
    },
    nextPrefix() {
      if (nextPrefixTop < nextIp) throw new Error(`subnet ${cidr} has no free /28 left`)
      const prefix = `${toAddress(nextPrefixTop)}/28`
      nextPrefixTop -= 16
      return prefix
    },
    unusedBlocks() {
      const blocks: string[] = []
      for (let block = Math.ceil(nextIp / 16) * 16; block <= nextPrefixTop; block += 16) blocks.push(toAddress(block))
      return blocks
    },
  }
}

const toNumber = (address: string): number => address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0)
const toAddress = (n: number): string => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.')

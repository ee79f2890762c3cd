import type {AlternativeOption, AlternativeRow} from './plan-alternatives.js'

export interface PlanPick {
  label: string
  option: AlternativeOption
  reason: string
}

const held = (row: AlternativeRow): number => row.addressesNodeSubnets
/** Fewest node-subnet addresses first; between equals, fewest in the ENIConfig subnets. */
const byHeld = (a: AlternativeRow, b: AlternativeRow): number => held(a) - held(b) || a.addressesPodSubnets - b.addressesPodSubnets

/**
 * The option to pick. Only feasible ones count (no pod waits, EC2 calls within budget, pods within max pods). Of those
 * that fit the node subnets at max size (all, when their sizes are unknown), the fewest node-subnet addresses; custom
 * networking only when nothing else fits, because it needs a secondary VPC CIDR, an ENIConfig per zone and new nodes.
 * When none is feasible, an option that runs every pod comes before one that leaves pods without an address.
 */
export function choosePick(rows: AlternativeRow[]): PlanPick {
  const feasible = rows.filter((r) => r.feasible)
  const fits = feasible.filter((r) => r.fitsAtMax !== false)
  const plain = fits.filter((r) => r.option !== 'custom-networking').sort(byHeld)
  const sizesKnown = rows.some((r) => r.fitsAtMax !== null)
  if (plain.length > 0) {
    const best = plain[0]
    const where = sizesKnown ? 'fits the subnets at max size with' : 'holds'
    return pick(best, `${where} the fewest node-subnet addresses (${held(best)}) with no pod waiting and EC2 calls within budget`)
  }

  const custom = fits.find((r) => r.option === 'custom-networking')
  if (custom) {
    return pick(custom, `nothing else fits the node subnets at max size: custom networking leaves them ${held(custom)} addresses and moves pods to 100.64.0.0/10`)
  }

  if (feasible.length > 0) {
    const best = [...feasible].sort(byHeld)[0]
    return pick(best, 'no option both runs the pods and fits the subnets at max size: larger subnets are needed (FITS +N% says how large); of those that run the pods, this one holds the fewest addresses')
  }

  // Waiting pods or EC2 calls over budget are a cost; pods that never run are not a plan. Of the options that run every
  // pod, the fewest waits, then the fewest addresses.
  const running = rows.filter((r) => r.runsEveryPod).sort((a, b) => a.podsWaited - b.podsWaited || byHeld(a, b))
  if (running.length > 0) {
    return pick(running[0], 'no option runs the pods without waiting within the EC2 budget; of those that run every pod, this one has the fewest waiting, then the fewest addresses')
  }

  const fewest = [...rows].sort(byHeld)[0]
  return pick(fewest, 'no option runs every pod (more pods than max pods, or than the node can address): fewer pods per node or a larger instance type is needed; this one holds the fewest addresses')
}

const pick = (row: AlternativeRow, reason: string): PlanPick => ({label: row.label, option: row.option, reason})

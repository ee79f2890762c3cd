import type {IpamdAction} from './ipamd-action.js'
import type {CidrState, EniState, PoolState} from './pool-state.js'

const serialOf = (cidr: CidrState): number => Number(cidr.id.slice(cidr.id.lastIndexOf('#') + 1))

/** CIDRs the model creates are numbered in order and kept in order, so the last one has the highest number. */
function nextCidrSerial(eni: EniState): number {
  const last = eni.cidrs.at(-1)
  if (!last) return 1
  const lastSerial = serialOf(last)
  if (Number.isInteger(lastSerial)) return lastSerial + 1
  let max = 0
  for (const cidr of eni.cidrs) if (Number.isInteger(serialOf(cidr))) max = Math.max(max, serialOf(cidr))
  return max + 1
}

function newCidrs(eni: EniState, count: number, prefix: boolean): CidrState[] {
  const first = nextCidrSerial(eni)
  const cidrs: CidrState[] = []
  for (let i = 0; i < count; i++) cidrs.push({assigned: 0, coolingSince: [], id: `${eni.id}#${first + i}`, prefix})
  return cidrs
}

/**
 * Carries out an action on the state, as EC2 and ipamd's datastore would once the call returns.
 * Mutates `state` (the simulator owns its copy); ENIs stay ordered by device index.
 */
export function applyAction(state: PoolState, action: IpamdAction, now: number): void {
  switch (action.kind) {
    case 'assign': {
      const eni = state.enis.find((e) => e.id === action.eniId)
      if (eni) eni.cidrs.push(...newCidrs(eni, action.count, action.unit === 'prefix'))
      break
    }

    case 'attach-eni': {
      const subnetId = state.enis.find((e) => e.primary)?.subnetId ?? 'subnet-node'
      const eni: EniState = {
        attachedAt: now,
        cidrs: [],
        deviceIndex: action.deviceIndex,
        excluded: false,
        id: `eni-${action.deviceIndex}`,
        primary: false,
        subnetId,
        trunk: false,
      }
      eni.cidrs = newCidrs(eni, action.count, action.unit === 'prefix')
      state.enis.push(eni)
      state.enis.sort((a, b) => a.deviceIndex - b.deviceIndex)
      break
    }

    case 'free-eni': {
      state.enis = state.enis.filter((e) => e.id !== action.eniId)
      break
    }

    case 'release': {
      const eni = state.enis.find((e) => e.id === action.eniId)
      if (eni) eni.cidrs = eni.cidrs.filter((c) => c.assigned > 0 || !action.cidrIds.includes(c.id))
      state.lastDecreaseAt = now
      break
    }
  }
}

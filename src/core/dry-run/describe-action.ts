import {ec2CallsOf, type IpamdAction} from '../ipamd/ipamd-action.js'
import type {IpamdConfig} from '../ipamd/ipamd-config.js'
import type {TimedAction} from './project-pool.js'

/** One projected ipamd action, as `--json` gives it. */
export interface DryRunAction {
  atSeconds: number
  count: number
  /** The EC2 calls it makes, in order. */
  ec2Calls: string[]
  /** The ENI acted on; for a new ENI, the model's name for it (`eni-<device index>`). */
  eniId: string
  kind: IpamdAction['kind']
  reason: string
  target: string
  /** "now: assign 4 IPs to eni-0a1b… to reach WARM_IP_TARGET=5". */
  text: string
  unit: 'eni' | 'ip' | 'prefix'
  /** `now`, or `after 60 s`. */
  when: string
}

const plural = (n: number, unit: 'ip' | 'prefix'): string =>
  unit === 'ip' ? `${n} IP${n === 1 ? '' : 's'}` : `${n} prefix${n === 1 ? '' : 'es'}`

const targetValue = (target: string, config: IpamdConfig): string => {
  const values: Record<string, number> = {
    MINIMUM_IP_TARGET: config.minimumIpTarget,
    WARM_ENI_TARGET: config.warmEniTarget,
    WARM_IP_TARGET: config.warmIpTarget,
    WARM_PREFIX_TARGET: config.warmPrefixTarget,
  }
  return `${target}=${values[target]}`
}

export function describeAction({action, atSeconds}: TimedAction, config: IpamdConfig): DryRunAction {
  const when = atSeconds === 0 ? 'now' : `after ${atSeconds} s`
  const target = targetValue(action.reason.target, config)
  const base = {atSeconds, ec2Calls: ec2CallsOf(action), kind: action.kind, reason: action.reason.detail, target: action.reason.target, when}
  switch (action.kind) {
    case 'assign': {
      const text = `${when}: assign ${plural(action.count, action.unit)} to ${action.eniId} to reach ${target}`
      return {...base, count: action.count, eniId: action.eniId, text, unit: action.unit}
    }

    case 'attach-eni': {
      const eniId = `eni-${action.deviceIndex}`
      const text = `${when}: attach a new ENI at device ${action.deviceIndex} with ${plural(action.count, action.unit)} to reach ${target}`
      return {...base, count: action.count, eniId, text, unit: action.unit}
    }

    case 'free-eni': {
      return {...base, count: 1, eniId: action.eniId, text: `${when}: free ${action.eniId}, empty and not needed for ${target}`, unit: 'eni'}
    }

    case 'release': {
      const n = action.cidrIds.length
      const text = `${when}: release ${plural(n, action.unit)} from ${action.eniId}, above ${target}`
      return {...base, count: n, eniId: action.eniId, text, unit: action.unit}
    }
  }
}

import {ec2CallsOf, type IpamdAction} from '../ipamd/ipamd-action.js'
import type {IpamdConfig} from '../ipamd/ipamd-config.js'
import type {TimedAction} from './project-pool.js'

/** One projected ipamd action, as `--json` gives it. */
export interface DryRunAction {
  atSeconds: number
  count: number
  /** The EC2 calls it makes, in order. */
  ec2Calls: string[]
  /** The ENI acted on; a new ENI is `(new ENI at device N)`. */
  eniId: string
  kind: IpamdAction['kind']
  reason: string
  target: string
  /** "now: assign 4 IPs to eni-0a1b… to reach WARM_IP_TARGET=5". */
  text: string
  unit: 'eni' | 'ip' | 'prefix'
  /** The timer the pool waited on before this action ("IP_COOLDOWN_PERIOD 30 s"); the text names it too. Null: none. */
  waitedFor: null | string
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

/** The model names an ENI it attaches `eni-<device index>`; a real ENI id has 8 or 17 hex digits. */
const MODEL_ENI = /^eni-(\d{1,2})$/

/** How the text names an ENI: a new one as "(new ENI at device 2)", so it is not taken for a real id. */
const nameEni = (eniId: string): string => {
  const model = MODEL_ENI.exec(eniId)
  return model ? `(new ENI at device ${model[1]})` : eniId
}

export function describeAction({action, atSeconds, waitedFor}: TimedAction, config: IpamdConfig): DryRunAction {
  const when = atSeconds === 0 ? 'now' : `after ${atSeconds} s`
  const target = targetValue(action.reason.target, config)
  const base = {atSeconds, ec2Calls: ec2CallsOf(action), kind: action.kind, reason: action.reason.detail, target: action.reason.target, waitedFor: waitedFor ?? null, when}
  const at = waitedFor ? `${when} (once ${waitedFor} ran out)` : when
  switch (action.kind) {
    case 'assign': {
      const text = `${at}: assign ${plural(action.count, action.unit)} to ${nameEni(action.eniId)} to reach ${target}`
      return {...base, count: action.count, eniId: nameEni(action.eniId), text, unit: action.unit}
    }

    case 'attach-eni': {
      const eniId = nameEni(`eni-${action.deviceIndex}`)
      const text = `${at}: attach a new ENI at device ${action.deviceIndex} with ${plural(action.count, action.unit)} to reach ${target}`
      return {...base, count: action.count, eniId, text, unit: action.unit}
    }

    case 'free-eni': {
      return {...base, count: 1, eniId: nameEni(action.eniId), text: `${at}: free ${nameEni(action.eniId)}, empty and not needed for ${target}`, unit: 'eni'}
    }

    case 'release': {
      const n = action.cidrIds.length
      const text = `${at}: release ${plural(n, action.unit)} from ${nameEni(action.eniId)}, above ${target}`
      return {...base, count: n, eniId: nameEni(action.eniId), text, unit: action.unit}
    }
  }
}

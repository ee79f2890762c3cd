import type {WarmTarget} from './target-state.js'

export type CidrUnit = 'ip' | 'prefix'

/** Why ipamd acts: the pool is below or above a target, or an ENI is surplus. */
export interface ActionReason {
  detail: string
  target: WarmTarget
  why: 'extra-eni' | 'pool-too-high' | 'pool-too-low'
}

/** One EC2 mutation ipamd would make now (AssignPrivateIpAddresses, CreateNetworkInterface+Attach, Unassign, Detach+Delete). */
export type IpamdAction =
  | {count: number; deviceIndex: number; kind: 'attach-eni'; reason: ActionReason; unit: CidrUnit}
  | {count: number; eniId: string; kind: 'assign'; reason: ActionReason; unit: CidrUnit}
  | {cidrIds: string[]; eniId: string; kind: 'release'; reason: ActionReason; unit: CidrUnit}
  | {eniId: string; kind: 'free-eni'; reason: ActionReason}

/** EC2 calls one action costs, by API name. */
export function ec2CallsOf(action: IpamdAction): string[] {
  switch (action.kind) {
    case 'assign': {
      return ['AssignPrivateIpAddresses']
    }

    case 'attach-eni': {
      // DeleteOnTermination is set with a separate ModifyNetworkInterfaceAttribute call.
      return ['CreateNetworkInterface', 'AttachNetworkInterface', 'ModifyNetworkInterfaceAttribute']
    }

    case 'free-eni': {
      return ['DetachNetworkInterface', 'DeleteNetworkInterface']
    }

    case 'release': {
      return ['UnassignPrivateIpAddresses']
    }
  }
}

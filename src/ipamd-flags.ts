import * as Flags from '@oclif/core/flags'

import {WHOLE_NUMBER} from './integer-flag.js'

/** The node shape and aws-node settings shared by `ipamd simulate` and `warm-targets`. */
export const nodeShapeFlags = {
  'custom-networking': Flags.boolean({default: false, description: 'Custom networking (ENIConfig): the primary ENI carries no pods.'}),
  'instance-type': Flags.string({description: 'EC2 instance type of the node, e.g. m5.large.', required: true}),
  'max-pods': Flags.integer({...WHOLE_NUMBER, description: 'kubelet max pods (default: the recommended value for the type and mode; at most 24,194).', min: 1}),
  prefix: Flags.boolean({default: false, description: 'Prefix delegation (ENABLE_PREFIX_DELEGATION=true).'}),
  'security-groups-for-pods': Flags.boolean({
    default: false,
    description: 'Security groups for pods (ENABLE_POD_ENI): a trunk ENI takes one slot.',
  }),
}

/** `--set KEY=VALUE`, repeatable. */
export const setFlag = Flags.string({
  description: 'An aws-node variable, e.g. WARM_IP_TARGET=5 (repeatable).',
  multiple: true,
})

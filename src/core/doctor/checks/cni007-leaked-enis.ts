import {readAwsNodeSettings} from '../aws-node-settings.js'
import type {CheckFinding, CheckInput} from '../check.js'
import type {DoctorEni} from '../cluster-objects.js'
import {heldAddresses} from '../eni-addresses.js'
import {groupBy} from '../../group-by.js'

/** ipamd tags the ENIs it creates with the instance and the time (pkg/awsutils). */
export const INSTANCE_TAG = 'node.k8s.amazonaws.com/instance_id'
export const CREATED_AT_TAG = 'node.k8s.amazonaws.com/createdAt'

/**
 * ipamd deletes an ENI right after detaching it; one seen `available` younger than this may be on its way out.
 * ipamd's own leaked-ENI cleanup also waits for ENIs to be older than a few minutes.
 */
export const LEAK_MIN_AGE_MINUTES = 15

const isCniEni = (eni: DoctorEni): boolean => Boolean(eni.tags[INSTANCE_TAG]) || (eni.description ?? '').startsWith('aws-K8S-')

function ageMinutes(eni: DoctorEni, now: string): null | number {
  const created = Date.parse(eni.tags[CREATED_AT_TAG] ?? '')
  return Number.isNaN(created) ? null : Math.floor((Date.parse(now) - created) / 60_000)
}

/**
 * CNI007: ENIs the CNI created that are attached to nothing (`available`), per subnet: they hold subnet addresses no pod
 * can use. An error when aws-node's own cleanup is off (DISABLE_LEAKED_ENI_CLEANUP=true), else a warning.
 */
export function checkLeakedEnis(input: CheckInput<'networkInterfaces', 'awsNode'>): CheckFinding[] {
  const {awsNode, networkInterfaces} = input.reads
  const cleanupOff = awsNode ? readAwsNodeSettings(awsNode, input.facts.envDefaults).effectiveEnv.DISABLE_LEAKED_ENI_CLEANUP === 'true' : false
  const leaked = networkInterfaces.filter((eni) => {
    const age = ageMinutes(eni, input.facts.now)
    return eni.status === 'available' && isCniEni(eni) && (age === null || age >= LEAK_MIN_AGE_MINUTES)
  })
  return [...groupBy(leaked, (eni) => eni.subnetId ?? 'unknown')].sort(([a], [b]) => a.localeCompare(b)).map(([subnetId, enis]) => {
    const addresses = enis.reduce((sum, eni) => sum + heldAddresses(eni) + 1, 0)
    const ages = enis.map((eni) => ageMinutes(eni, input.facts.now)).filter((a): a is number => a !== null)
    return {
      evidence: {
        addressesHeld: addresses,
        cleanupDisabled: cleanupOff,
        enis: enis.slice(0, 10).map((e) => e.networkInterfaceId),
        leakedEnis: enis.length,
        oldestMinutes: ages.length > 0 ? Math.max(...ages) : null,
      },
      message: `${enis.length} ENI${enis.length === 1 ? '' : 's'} created by the VPC CNI attached to nothing, holding ${addresses} addresses` +
        (cleanupOff ? '; DISABLE_LEAKED_ENI_CLEANUP=true, so aws-node will not delete them' : ''),
      remedy: `delete them (aws ec2 delete-network-interface --network-interface-id ${enis[0].networkInterfaceId}, after checking nothing uses it)` +
        (cleanupOff ? ' and unset DISABLE_LEAKED_ENI_CLEANUP' : ''),
      resource: {kind: 'Subnet', name: subnetId},
      severity: cleanupOff ? 'error' : 'warning',
    }
  })
}

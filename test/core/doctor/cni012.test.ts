import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import type {DoctorAddon} from '../../../src/core/doctor/cluster-objects.js'
import {runChecks} from '../../../src/core/doctor/run-checks.js'
import {edited} from '../../fixtures/diff/release-fixtures.js'
import {awsNode, inputWith} from './doctor-fixture.js'

const test = suite('CNI012 aws-node changes the managed add-on will contest or restore: the remedy')
const only = {only: ['CNI012'], severity: {}, skip: []}
const addon: DoctorAddon = {addonVersion: 'v1.23.0-eksbuild.1', configurationValues: null, issues: [], serviceAccountRoleArn: null, status: 'ACTIVE'}

/** CNI012's findings on a v1.23.0 add-on after EDIT, with the cluster name the gather knew. */
function findings(edit: string, clusterName: null | string) {
  const input = inputWith({addon, awsNode: {...awsNode(), manifest: edited('v1.23.0', edit)}})
  input.facts.clusterName = clusterName
  return runChecks(input, only).findings
}

test('the command names the cluster doctor knows; CLUSTER only when no name is known', () => {
  const command = (name: null | string) => /--cluster-name (.+) --addon-name vpc-cni /.exec(findings('env-non-tuning', name)[0].remedy)?.[1]
  assert.equal([command('prod-a'), command(null)], ['prod-a', 'CLUSTER'])
  // A hand-edited snapshot's name is quoted, never pasted into the command as shell syntax.
  assert.is(command('x; rm -rf ~'), String.raw`'x; rm -rf ~'`)
})

test.run()

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import type {DoctorAddon} from '../../../src/core/doctor/cluster-objects.js'
import {runChecks} from '../../../src/core/doctor/run-checks.js'
import {EDITS, edited, installed} from '../../fixtures/diff/release-fixtures.js'
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

test('an image set with kubectl set image: configurationValues cannot carry it, the version is chosen with update-addon --addon-version', () => {
  const [image] = findings('image', 'prod-a')
  assert.is(image.evidence.path, '.spec.template.spec.containers[name="aws-node"].image')
  assert.is(image.evidence.effect, 'contested')
  assert.match(image.remedy, /^configurationValues cannot carry it: the add-on schema has no image key: .*aws eks update-addon --addon-version/)
  assert.not.match(image.remedy, /--configuration-values/)
})

test('an image and a settable variable changed: the command is the variable\'s remedy, never the image\'s', () => {
  const ds = installed('v1.23.0')
  EDITS.image.apply(ds)
  EDITS['env-non-tuning'].apply(ds)
  const byPath = new Map(runChecks(inputWith({addon, awsNode: {...awsNode(), manifest: ds}}), only).findings.map((f) => [String(f.evidence.path), f.remedy]))
  assert.match(byPath.get('.spec.template.spec.containers[name="aws-node"].image') ?? '', /^configurationValues cannot carry it: .*--addon-version/)
  assert.match(byPath.get('.spec.template.spec.containers[name="aws-node"].env[name="AWS_VPC_K8S_CNI_LOGLEVEL"].value') ?? '', /^keep it through the add-on instead: aws eks update-addon --cluster-name lab /)
})

test.run()

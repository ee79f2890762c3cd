import {cpSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Diff from '../../src/commands/diff.js'
import type {DiffReport} from '../../src/core/diff/diff-report.js'
import {projectRoot, runCommand} from '../helpers/run-command.js'

type Json = Record<string, any>

const test = suite('diff checks configurationValues keys against the add-on\'s own schema (examples/snapshot)')

const EXTERNALSNAT = '.spec.template.spec.containers[name="aws-node"].env[name="AWS_VPC_K8S_CNI_EXTERNALSNAT"].value'

/** The example snapshot after `kubectl edit` set AWS_VPC_K8S_CNI_EXTERNALSNAT=true: kubectl-edit now owns the value. */
function editedSnapshot(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'vpccni-diff-schema-')), 'snapshot')
  cpSync(join(projectRoot, 'examples/snapshot'), dir, {recursive: true})
  const file = join(dir, 'readAwsNode.json')
  const awsNode = JSON.parse(readFileSync(file, 'utf8'))
  const ds = awsNode.manifest
  ds.spec.template.spec.containers[0].env.find((e: Json) => e.name === 'AWS_VPC_K8S_CNI_EXTERNALSNAT').value = 'true'
  const item = 'k:{"name":"AWS_VPC_K8S_CNI_EXTERNALSNAT"}'
  const eks = ds.metadata.managedFields.find((e: Json) => e.manager === 'eks')
  delete eks.fieldsV1['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"aws-node"}']['f:env'][item]['f:value']
  ds.metadata.managedFields.push({apiVersion: 'apps/v1', fieldsType: 'FieldsV1', manager: 'kubectl-edit', operation: 'Update', time: '2025-11-24T18:00:00Z',
    fieldsV1: {'f:spec': {'f:template': {'f:spec': {'f:containers': {'k:{"name":"aws-node"}': {'f:env': {[item]: {'f:value': {}}}}}}}}}})
  writeFileSync(file, JSON.stringify(awsNode))
  return dir
}

test('a variable the running add-on version\'s schema lacks is named not settable, kept out of configurationValues', async () => {
  const {exitCode, stderr, stdout} = await runCommand<DiffReport>(Diff, ['--from-dir', editedSnapshot(), '--json'])
  assert.is(exitCode, 1, stderr)
  const report = JSON.parse(stdout) as DiffReport
  // The manifest sets the variable and kubectl-edit took it from eks: EKS's next apply contests it.
  assert.ok(report.changes.some((c) => c.path === EXTERNALSNAT && c.effect === 'contested'))
  assert.is(report.remedy?.schemaVersion, 'v1.23.1-eksbuild.1')
  // The example add-on carries no configurationValues of its own: only the hand-set WARM_IP_TARGET can be made permanent.
  assert.equal(report.remedy?.configurationValues, {env: {WARM_IP_TARGET: '5'}})
  const refused = report.remedy?.notSettable.find((n) => n.path === EXTERNALSNAT)
  assert.match(refused?.reason ?? '', /AWS_VPC_K8S_CNI_EXTERNALSNAT is not a key of the add-on schema \(v1\.23\.1-eksbuild\.1\)/)
})

test('the text output names the schema the keys were checked against', async () => {
  const {stdout} = await runCommand(Diff, ['--from-dir', editedSnapshot()])
  assert.match(stdout, /schema of vpc-cni v1\.23\.1-eksbuild\.1 \(EKS DescribeAddonConfiguration\)/)
})

test.run()

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {buildRemedy} from '../../../src/core/diff/build-remedy.js'
import {settingsForChange} from '../../../src/core/diff/configuration-keys.js'
import type {Change} from '../../../src/core/diff/diff-report.js'
import {ADDON_SCHEMA_KEYS as SCHEMA} from '../../../src/data/addon-config-schema.js'

const POD = '.spec.template.spec'
const AWS_NODE = `${POD}.containers[name="aws-node"]`

const test = suite('configurationValues remedy')

const mapped: Array<[string, unknown, unknown]> = [
  [`${AWS_NODE}.env[name="WARM_ENI_TARGET"].value`, '2', [{key: ['env', 'WARM_ENI_TARGET'], value: '2'}]],
  [`${AWS_NODE}.env[name="MINIMUM_IP_TARGET"]`, {name: 'MINIMUM_IP_TARGET', value: '30'}, [{key: ['env', 'MINIMUM_IP_TARGET'], value: '30'}]],
  [`${POD}.initContainers[name="aws-vpc-cni-init"].env[name="DISABLE_TCP_EARLY_DEMUX"].value`, 'true', [{key: ['init', 'env', 'DISABLE_TCP_EARLY_DEMUX'], value: 'true'}]],
  [`${AWS_NODE}.resources.requests.cpu`, '50m', [{key: ['resources', 'requests', 'cpu'], value: '50m'}]],
  [`${AWS_NODE}.livenessProbe.timeoutSeconds`, 20, [{key: ['livenessProbeTimeoutSeconds'], value: 20}]],
  [`${POD}.tolerations`, [{operator: 'Exists'}], [{key: ['tolerations'], value: [{operator: 'Exists'}]}]],
  [`${POD}.containers[name="aws-eks-nodeagent"].args`, ['--enable-network-policy=true', '--log-level=debug', '--enable-policy-event-logs=true'],
    [{key: ['enableNetworkPolicy'], value: 'true'}, {key: ['nodeAgent', 'enablePolicyEventLogs'], value: 'true'}]],
]
for (const [path, current, settings] of mapped) {
  test(`settable: ${path.replace(POD, '')}`, () => assert.equal(settingsForChange(path, current, SCHEMA).settings, settings))
}

const refused: Array<[string, unknown, RegExp]> = [
  [`${AWS_NODE}.image`, 'x/amazon-k8s-cni:v1', /add-on version/],
  [`${AWS_NODE}.env[name="ENABLE_MULTI_NIC"].value`, 'true', /not a key of the add-on schema \(v1\.15\.1-eksbuild\.1\)/],
  [`${AWS_NODE}.env[name="WARM_IP_TARGET"]`, null, /removed cannot be written/],
  [`${POD}.hostNetwork`, false, /no key/],
]
for (const [path, current, reason] of refused) {
  test(`not settable: ${path.replace(POD, '')}`, () => assert.match(settingsForChange(path, current, SCHEMA).reason ?? '', reason))
}

test('a schema without a top-level key refuses it, naming the schema version', () => {
  const envOnly = {...SCHEMA, addonVersion: 'v1.23.1-eksbuild.1', nodeAgent: [], topLevel: ['env']}
  assert.match(settingsForChange(`${AWS_NODE}.resources.requests.cpu`, '50m', envOnly).reason ?? '', /\(v1\.23\.1-eksbuild\.1\) has no resources\.requests\.cpu key/)
  const args = ['--enable-policy-event-logs=true']
  assert.match(settingsForChange(`${POD}.containers[name="aws-eks-nodeagent"].args`, args, envOnly).reason ?? '', /--enable-policy-event-logs/)
})

test('the remedy starts from the current configurationValues and quotes them for the shell', () => {
  const change: Change = {conflict: null, current: "it's", default: null, effect: 'preserved', kind: 'added', managers: [], owner: 'user',
    path: `${AWS_NODE}.env[name="ADDITIONAL_ENI_TAGS"]`, reason: ''}
  const remedy = buildRemedy([change], {existing: {env: {WARM_IP_TARGET: '5'}}, invalid: [], schema: SCHEMA, schemaSource: 'embedded'})
  assert.equal(remedy?.configurationValues, {env: {ADDITIONAL_ENI_TAGS: "it's", WARM_IP_TARGET: '5'}})
  assert.ok(remedy?.command?.includes(String.raw`'{"env":{"WARM_IP_TARGET":"5","ADDITIONAL_ENI_TAGS":"it'\''s"}}'`))
  assert.is(buildRemedy([{...change, effect: 'informational'}], {invalid: [], schema: SCHEMA, schemaSource: 'embedded'}), null)
})

test.run()

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {lintCombinations} from '../../../src/core/diff/lint-combinations.js'
import {lintEnv} from '../../../src/core/diff/lint-env.js'
import {selectDiffInput} from '../../../src/core/diff/select-diff-input.js'
import {DIFF_REFERENCE_DATA as DATA} from '../../../src/data/diff-reference.js'

const awsNode = (env: Record<string, string>) => ({env: Object.entries(env).map(([name, value]) => ({name, value})), name: 'aws-node'})
const ids = (env: Record<string, string>, extra = {}) => lintCombinations({awsNode: awsNode(env), ...extra}).map((f) => f.id)

const test = suite('diff lint')

const combinations: Array<[string, Record<string, string>, string[]]> = [
  ['defaults', {ENABLE_IPv4: 'true', ENABLE_IPv6: 'false', WARM_ENI_TARGET: '1'}, []],
  ['WARM_IP_TARGET alone', {WARM_IP_TARGET: '5'}, ['warm-ip-without-minimum']],
  ['WARM_IP_TARGET with MINIMUM_IP_TARGET', {MINIMUM_IP_TARGET: '30', WARM_IP_TARGET: '5'}, []],
  ['PD with WARM_PREFIX_TARGET=0', {ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: '0'}, ['prefix-warm-prefix-zero']],
  ['PD with WARM_PREFIX_TARGET=0 and IP targets', {ENABLE_PREFIX_DELEGATION: 'true', MINIMUM_IP_TARGET: '16', WARM_IP_TARGET: '4', WARM_PREFIX_TARGET: '0'}, []],
  ['IPv6 without PD', {ENABLE_IPv4: 'false', ENABLE_IPv6: 'true'}, ['ipv6-without-prefix']],
  ['IPv4 and IPv6', {ENABLE_IPv4: 'true', ENABLE_IPv6: 'true', ENABLE_PREFIX_DELEGATION: 'true'}, ['ipv4-and-ipv6']],
  ['custom networking, WARM_ENI_TARGET=0', {AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true', WARM_ENI_TARGET: '0'}, ['custom-networking-warm-eni-zero', 'custom-networking-eniconfigs']],
]
for (const [name, env, expected] of combinations) {
  test(`combination: ${name} → ${expected.join(', ') || 'nothing'}`, () => assert.equal(ids(env), expected))
}

test('custom networking: ENIConfigs unknown → info, none → error, some → nothing', () => {
  const env = {AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true'}
  assert.is(lintCombinations({awsNode: awsNode(env)})[0].severity, 'info')
  assert.is(lintCombinations({awsNode: awsNode(env), eniConfigs: []})[0].severity, 'error')
  assert.equal(ids(env, {eniConfigs: ['eu-west-1a']}), [])
})

test('network policy: the ConfigMap and the agent flag must agree', () => {
  const agent = (on: string) => ({args: [`--enable-network-policy=${on}`], name: 'aws-eks-nodeagent'})
  const configMap = (on: string) => ({data: {'enable-network-policy-controller': on}, kind: 'ConfigMap'})
  assert.equal(ids({}, {agent: agent('true'), configMap: configMap('true')}), [])
  assert.equal(ids({}, {agent: agent('false'), configMap: configMap('true')}), ['network-policy-mismatch'])
  assert.equal(ids({}, {agent: agent('true'), configMap: configMap('false')}), ['network-policy-mismatch'])
  assert.equal(ids({}, {agent: agent('true')}), [], 'no ConfigMap, nothing to compare')
})

test('env: types as ipamd parses them, enums, JSON, versions, generic SDK variables', () => {
  const findings = lintEnv([awsNode({
    ADDITIONAL_ENI_TAGS: '{"team":"a"}',
    AWS_VPC_K8S_CNI_RANDOMIZESNAT: 'random',
    ENABLE_MULTI_NIC: 'yes',
    ENABLE_POD_ENI: 'True',
    HTTPS_PROXY: 'http://proxy:3128',
    MINIMUM_IP_TARGET: '10',
    WARM_IP_TARGET: '5.5',
  })], 'v1.19.0', DATA)
  assert.equal(findings.map((f) => `${f.id} ${f.message}`), [
    'env-type AWS_VPC_K8S_CNI_RANDOMIZESNAT="random": expects one of prng, hashrandom, none',
    'env-type ENABLE_MULTI_NIC="yes": expects true or false',
    'env-version ENABLE_MULTI_NIC needs v1.20.0; v1.19.0 ignores it',
    'env-type WARM_IP_TARGET="5.5": expects an integer',
  ])
})

test('input selection: List items, the ConfigMap, ENIConfigs; anything else is one clear error', () => {
  const ds = {kind: 'DaemonSet', metadata: {name: 'aws-node'}, spec: {}}
  const picked = selectDiffInput([{items: [ds, {kind: 'ENIConfig', metadata: {name: 'eu-west-1a'}}], kind: 'List'}], 'f')
  assert.equal(picked.eniConfigs, ['eu-west-1a'])
  assert.throws(() => selectDiffInput([], 'f'), /f holds no Kubernetes object/)
  assert.throws(() => selectDiffInput([{kind: 'ConfigMap', metadata: {name: 'amazon-vpc-cni'}}], 'f'), /holds ConfigMap amazon-vpc-cni, not the aws-node DaemonSet/)
  assert.throws(() => selectDiffInput([{kind: 'DaemonSet', metadata: {name: 'kube-proxy'}, spec: {}}], 'f'), /holds DaemonSet kube-proxy, not the aws-node/)
  assert.throws(() => selectDiffInput(['just text'], 'f'), /holds no Kubernetes object/)
})

test.run()

import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {parseAddonSchema, selectAddonSchema} from '../../../src/core/diff/addon-schema-keys.js'
import {ADDON_SCHEMA_KEYS} from '../../../src/data/addon-config-schema.js'
import {projectRoot} from '../../helpers/run-command.js'

const test = suite('the add-on configuration schema EKS answers')

const example = JSON.parse(readFileSync(join(projectRoot, 'examples/snapshot/describeAddonConfiguration.json'), 'utf8')).value

test('the example snapshot\'s v1.23.1-eksbuild.1 schema: the lab\'s env keys and nothing else', () => {
  const keys = parseAddonSchema(example.configurationSchema, example.addonVersion)
  assert.equal(keys, {
    addonVersion: 'v1.23.1-eksbuild.1',
    env: ['AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG', 'ENABLE_POD_ENI', 'ENABLE_PREFIX_DELEGATION', 'ENI_CONFIG_LABEL_DEF', 'MINIMUM_IP_TARGET', 'WARM_ENI_TARGET', 'WARM_IP_TARGET', 'WARM_PREFIX_TARGET'],
    initEnv: [],
    nodeAgent: [],
    source: 'EKS DescribeAddonConfiguration vpc-cni v1.23.1-eksbuild.1',
    topLevel: ['env'],
  })
})

test('references and inline objects alike: init env, nodeAgent, top-level keys', () => {
  const schema = JSON.stringify({
    $ref: '#/definitions/VpcCni',
    definitions: {
      Env: {properties: {WARM_IP_TARGET: {type: 'string'}}, type: 'object'},
      Init: {properties: {env: {properties: {DISABLE_TCP_EARLY_DEMUX: {type: 'string'}}, type: 'object'}}, type: 'object'},
      VpcCni: {properties: {
        affinity: {type: ['object', 'null']}, env: {$ref: '#/definitions/Env'}, init: {$ref: '#/definitions/Init'},
        nodeAgent: {properties: {enablePolicyEventLogs: {type: 'string'}}, type: 'object'},
      }, type: 'object'},
    },
  })
  const keys = parseAddonSchema(schema, 'v1.19.0-eksbuild.1')
  assert.equal([keys?.topLevel, keys?.env, keys?.initEnv, keys?.nodeAgent], [
    ['affinity', 'env', 'init', 'nodeAgent'], ['WARM_IP_TARGET'], ['DISABLE_TCP_EARLY_DEMUX'], ['enablePolicyEventLogs'],
  ])
})

test('no schema, or one that is not JSON: the embedded snapshot, and a warning when one was given', () => {
  assert.equal(parseAddonSchema('{not json', 'v1'), undefined)
  assert.equal(parseAddonSchema('{"type":"object"}', 'v1'), undefined)
  assert.equal(selectAddonSchema(undefined, ADDON_SCHEMA_KEYS), {schema: ADDON_SCHEMA_KEYS})
  const broken = selectAddonSchema({addonVersion: 'v1.23.1-eksbuild.1', text: '{not json'}, ADDON_SCHEMA_KEYS)
  assert.is(broken.schema, ADDON_SCHEMA_KEYS)
  assert.match(broken.warning ?? '', /v1\.23\.1-eksbuild\.1 .*embedded v1\.15\.1-eksbuild\.1/)
  const read = selectAddonSchema({addonVersion: example.addonVersion, text: example.configurationSchema}, ADDON_SCHEMA_KEYS)
  assert.is(read.schema.addonVersion, 'v1.23.1-eksbuild.1')
  assert.is(read.warning, undefined)
})

test.run()

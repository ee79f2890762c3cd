import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {NOT_RECORDED, redactSecrets} from '../../../src/sources/snapshot/redact-secrets.js'

const test = suite('redactSecrets')

test('secret-named env values go; other values stay', () => {
  const env = [
    {name: 'AWS_SECRET_ACCESS_KEY', value: 'abc'},
    {name: 'AWS_SESSION_TOKEN', value: 'def'},
    {name: 'db_password', value: 'ghi'},
    {name: 'WARM_IP_TARGET', value: '5'},
    {name: 'MY_NODE_NAME', valueFrom: {fieldRef: {fieldPath: 'spec.nodeName'}}},
  ]
  assert.equal(redactSecrets(env), [
    {name: 'AWS_SECRET_ACCESS_KEY', value: NOT_RECORDED},
    {name: 'AWS_SESSION_TOKEN', value: NOT_RECORDED},
    {name: 'db_password', value: NOT_RECORDED},
    {name: 'WARM_IP_TARGET', value: '5'},
    {name: 'MY_NODE_NAME', valueFrom: {fieldRef: {fieldPath: 'spec.nodeName'}}},
  ])
})

test('a URL keeps its host and loses user:password', () => {
  assert.is(redactSecrets('http://u:p@proxy:3128'), `http://${NOT_RECORDED}@proxy:3128`)
  assert.is(redactSecrets('https://proxy.corp:3128'), 'https://proxy.corp:3128')
})

test('JSON inside a string (last-applied-configuration) is redacted too, and stays JSON', () => {
  const annotation = JSON.stringify({spec: {containers: [{env: [{name: 'API_TOKEN', value: 'x'}]}]}})
  const redacted = redactSecrets({'kubectl.kubernetes.io/last-applied-configuration': annotation})
  const parsed = JSON.parse(redacted['kubectl.kubernetes.io/last-applied-configuration']) as {spec: {containers: Array<{env: Array<{value: string}>}>}}
  assert.is(parsed.spec.containers[0].env[0].value, NOT_RECORDED)
})

test('numbers, booleans and null pass through', () => {
  assert.equal(redactSecrets({a: 1, b: true, c: null}), {a: 1, b: true, c: null})
})

test.run()

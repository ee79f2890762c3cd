import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {redactIdentity} from '../../../src/sources/snapshot/redact-identity.js'

const test = suite('redactIdentity: a shared snapshot keeps the refusal, not who asked')

test('kube-apiserver 403 wording', () => {
  const text = 'pods is forbidden: User "arn:aws:sts::111122223333:assumed-role/Dev/alice" cannot list resource "pods" in API group "" at the cluster scope'
  assert.is(redactIdentity(text), 'pods is forbidden: User "(not recorded)" cannot list resource "pods" in API group "" at the cluster scope')
})

test('IAM denial and EC2 encoded authorization message', () => {
  assert.is(
    redactIdentity('User: arn:aws:iam::111122223333:user/alice is not authorized to perform: eks:DescribeAddon'),
    'User: (not recorded) is not authorized to perform: eks:DescribeAddon',
  )
  assert.is(
    redactIdentity('You are not authorized to perform this operation. Encoded authorization failure message: AbC-123_xyz'),
    'You are not authorized to perform this operation. Encoded authorization failure message: (not recorded)',
  )
})

test('text naming nobody is unchanged', () => {
  const text = 'kubernetes:listNodes: HTTP 500 Internal Server Error (after retries): etcdserver: request timed out'
  assert.is(redactIdentity(text), text)
})

test.run()

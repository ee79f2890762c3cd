import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {awsOptionsFromFlags, requestHandlerFor} from '../../src/sources/aws/aws-options.js'

const test = suite('AWS options from the shared live flags')

test('--request-timeout is seconds; the SDK handler gets milliseconds and throws when it passes', () => {
  const options = awsOptionsFromFlags({profile: 'p', region: 'eu-west-1', 'request-timeout': 30})
  assert.equal(options, {profile: 'p', region: 'eu-west-1', timeoutMs: 30_000})
  assert.equal(requestHandlerFor(options), {connectionTimeout: 30_000, requestTimeout: 30_000, throwOnRequestTimeout: true})
})

test('no timeout leaves the SDK defaults', () => {
  assert.equal(awsOptionsFromFlags({}), {profile: undefined, region: undefined, timeoutMs: undefined})
  assert.is(requestHandlerFor({}), undefined)
})

test.run()

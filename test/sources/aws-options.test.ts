import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {UserError} from '../../src/errors.js'
import {awsOptionsFromFlags, requestHandlerFor} from '../../src/sources/aws/aws-options.js'
import {runBinary} from '../helpers/run-binary.js'

const test = suite('AWS options from the shared live flags')

test('--request-timeout is seconds; the SDK handler gets milliseconds and throws when it passes', () => {
  const options = awsOptionsFromFlags({profile: 'default', region: 'eu-west-1', 'request-timeout': 30})
  assert.equal(options, {profile: 'default', region: 'eu-west-1', timeoutMs: 30_000})
  assert.equal(requestHandlerFor(options), {connectionTimeout: 30_000, requestTimeout: 30_000, throwOnRequestTimeout: true})
})

test('no timeout leaves the SDK defaults', () => {
  assert.equal(awsOptionsFromFlags({}), {profile: undefined, region: undefined, timeoutMs: undefined})
  assert.is(requestHandlerFor({}), undefined)
})

test('a --region that is not a region name is bad input before any request; real names pass', () => {
  for (const region of ['us east 1/../x', 'us-east-1.evil.example', 'US-EAST-1', '', 'x']) {
    assert.throws(() => awsOptionsFromFlags({region}), (error: unknown) => error instanceof UserError && /is not an AWS region name/.test((error as Error).message), region)
  }

  for (const region of ['us-east-1', 'ap-southeast-4', 'us-gov-west-1', 'eu-isoe-west-1', 'cn-northwest-1', 'il-central-1']) {
    assert.is(awsOptionsFromFlags({region}).region, region)
  }
})

test('--profile or AWS_PROFILE naming a profile the shared files lack: exit 2 naming it (with the real SDK)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpccni-aws-profile-'))
  writeFileSync(join(dir, 'config'), '[profile other]\nregion = us-east-1\n')
  writeFileSync(join(dir, 'credentials'), '[default]\n')
  const env = {
    AWS_ACCESS_KEY_ID: '',
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PROFILE: '',
    AWS_SECRET_ACCESS_KEY: '',
    AWS_SESSION_TOKEN: '',
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
  }
  for (const [args, extraEnv] of [[['--profile', 'nope'], {}], [[], {AWS_PROFILE: 'nope'}]] as const) {
    const out = runBinary(['max-pods', 'm5.large', '--source', 'ec2', '--region', 'us-east-1', ...args], {env: {...env, ...extraEnv}})
    assert.is(out.exitCode, 2, out.stderr)
    assert.is(out.stderr, `error: AWS profile "nope" is not in ${join(dir, 'config')} or ${join(dir, 'credentials')}; ` +
      'name a profile those files define (aws configure list-profiles), or set AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE\n')
  }
})

test.run()

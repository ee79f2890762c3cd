import {readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {runBinary, testCacheHome} from '../helpers/run-binary.js'

const vpccni = (...args: string[]) => runBinary(args)

const test = suite('bin/run.cjs')

test('max-pods m5.large --prefix prints 110 and exits 0', () => {
  const out = vpccni('max-pods', 'm5.large', '--prefix')
  assert.is(out.stdout, '110\n')
  assert.is(out.stderr, '')
  assert.is(out.exitCode, 0)
})

test('an unknown command is one line and exit 2', () => {
  const out = vpccni('max-podz')
  assert.is(out.exitCode, 2)
  assert.is(out.stderr.trimEnd().split('\n').length, 1)
  assert.match(out.stderr, /^error: unknown command "max-podz"; did you mean vpccni max-pods\?/)
})

test('bad input: one line, exit 2, no stack trace', () => {
  const out = vpccni('max-pods', 'm5.lrage')
  assert.is(out.exitCode, 2)
  assert.is(out.stderr, 'error: unknown instance type "m5.lrage"; did you mean m5.large, c5.large, m1.large?\n')
})

test('--help lists the data source and exit codes', () => {
  const out = vpccni('max-pods', '--help')
  assert.is(out.exitCode, 0)
  assert.match(out.stdout, /aws\/amazon-vpc-cni-k8s pkg\/vpc\/vpc_ip_resource_limit\.go @ 6152e01c/)
  assert.match(out.stdout, /Exit codes:/)
})

test('the code cache is written on the first run, used after, and a corrupt one is replaced', () => {
  const cacheDir = join(testCacheHome, 'vpccni')
  assert.is(vpccni('max-pods', 'm5.large').stdout, '29\n')
  const files = readdirSync(cacheDir).filter((f) => f.endsWith('.bin'))
  assert.is(files.length, 1)
  assert.is(vpccni('max-pods', 't3.micro', '--prefix').stdout, '34\n')
  writeFileSync(join(cacheDir, files[0]), 'not a code cache')
  const afterCorruption = vpccni('max-pods', 'm5.large')
  assert.is(afterCorruption.stdout, '29\n')
  assert.is(afterCorruption.stderr, '')
  assert.is(vpccni('max-pods', 'm5.large').stdout, '29\n')
})

test('piped stdin is not read as an instance type', () => {
  const run = runBinary(['max-pods', '--all'], {input: 'm5.large\nc5.large\n'})
  assert.is(run.exitCode, 0)
  assert.is(run.stdout.trimEnd().split('\n').length, 1391)
})

test.run()

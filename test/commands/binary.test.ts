import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {projectRoot} from '../helpers/run-command.js'

const cacheHome = mkdtempSync(join(tmpdir(), 'vpccni-cache-'))

/** The real launcher, as a user runs it: bin/run.cjs on the built bundle and the shipped manifest. */
function vpccni(...args: string[]) {
  const run = spawnSync(process.execPath, [join(projectRoot, 'bin/run.cjs'), ...args], {
    encoding: 'utf8',
    env: {...process.env, NODE_ENV: 'production', OCLIF_SKIP_NEW_VERSION_CHECK: 'true', XDG_CACHE_HOME: cacheHome},
  })
  return {exitCode: run.status, stderr: run.stderr, stdout: run.stdout}
}

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
  assert.match(out.stderr, /^error: command max-podz not found/)
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
  const cacheDir = join(cacheHome, 'vpccni')
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
  const run = spawnSync(process.execPath, [join(projectRoot, 'bin/run.cjs'), 'max-pods', '--all'], {
    encoding: 'utf8',
    env: {...process.env, XDG_CACHE_HOME: cacheHome},
    input: 'm5.large\nc5.large\n',
  })
  assert.is(run.status, 0)
  assert.is(run.stdout.trimEnd().split('\n').length, 1391)
})

test.run()

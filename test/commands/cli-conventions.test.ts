import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {describeError, formatErrorLine} from '../../src/format-error.js'
import {runBinary} from '../helpers/run-binary.js'

const vpccni = (...args: string[]) => runBinary(args)
const test = suite('CLI conventions (issue 12, items 18-20)')

test('a missing required flag: one colon, no preamble, the typed command in the hint', () => {
  const out = vpccni('ipamd', 'simulate')
  assert.is(out.exitCode, 2)
  assert.is(out.stderr, 'error: Missing required flag instance-type; see vpccni ipamd simulate --help\n')
})

test('an oclif error spread over lines joins with single colons', () => {
  const line = formatErrorLine(describeError({message: 'Parsing --pods:\n  Expected an integer but received: x', oclif: {exit: 2}}, 'ipamd:simulate'))
  assert.is(line, 'error: Parsing --pods: Expected an integer but received: x; see vpccni ipamd simulate --help')
})

test('a mistyped command gets a suggestion, and only the word typed is echoed', () => {
  const out = vpccni('max-pod', 'm5.large')
  assert.is(out.exitCode, 2)
  assert.is(out.stderr, 'error: unknown command "max-pod"; did you mean vpccni max-pods? (see vpccni --help)\n')
  assert.match(vpccni('ipamd', 'simulat', '--pods', '3').stderr, /unknown command "ipamd simulat"; did you mean vpccni ipamd simulate\?/)
})

test('vpccni help, help COMMAND and -h show help, exit 0', () => {
  for (const args of [['help'], ['-h']]) {
    const out = vpccni(...args)
    assert.is(out.exitCode, 0, args.join(' '))
    assert.match(out.stdout, /COMMANDS/)
  }

  for (const args of [['help', 'ipamd', 'simulate'], ['ipamd', 'simulate', '-h']]) {
    const out = vpccni(...args)
    assert.is(out.exitCode, 0, args.join(' '))
    assert.match(out.stdout, /--instance-type/)
  }
})

test('an unknown command with --json prints a JSON error document', () => {
  const out = vpccni('nonexistent-cmd', '--json')
  assert.is(out.exitCode, 2)
  assert.equal(JSON.parse(out.stdout), {
    error: {exitCode: 2, hint: 'see vpccni --help for the commands', message: 'unknown command "nonexistent-cmd"'},
    schemaVersion: 1,
  })
  assert.is(out.stderr.trimEnd().split('\n').length, 1)
})

test.run()

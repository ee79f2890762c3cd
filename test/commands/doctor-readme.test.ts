import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Doctor from '../../src/commands/doctor.js'
import {projectRoot, runCommand} from '../helpers/run-command.js'

const test = suite('the README shows what doctor really prints')

test('its example is doctor --from-dir examples/snapshot, at 80 columns, exit 1', async () => {
  const columns = process.env.COLUMNS
  process.env.COLUMNS = '80'
  const out = await runCommand(Doctor, ['--from-dir', join(projectRoot, 'examples/snapshot')]).finally(() => {
    if (columns === undefined) delete process.env.COLUMNS
    else process.env.COLUMNS = columns
  })
  assert.is(out.exitCode, 1)
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
  const shown = `$ vpccni doctor --from-dir examples/snapshot\n${out.stdout.trimEnd()}\n$ echo $?\n1\n`
  assert.ok(readme.includes(shown), 'README doctor example differs from the output: run it again and paste it')
})

test.run()

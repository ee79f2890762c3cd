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

test("its checks table gives each check the severities of its docs/checks.md heading", () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
  const page = readFileSync(join(projectRoot, 'docs/checks.md'), 'utf8')
  const levels = (text: string) => [...text.matchAll(/error|warning|info/g)].map((m) => m[0]).sort()
  const rows = [...readme.matchAll(/^\| (CNI\d{3}) \|.*\| ([a-z, ]+) \|$/gm)]
  assert.ok(rows.length >= 20, 'the table is found')
  for (const [, id, severities] of rows) {
    const heading = new RegExp(`^### ${id} .*\\(((?:error|warning|info|, | or )+)\\)$`, 'm').exec(page)
    assert.ok(heading, `${id} heading in docs/checks.md`)
    assert.equal(levels(severities), levels(heading![1]), id)
  }
})

test.run()

import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Compat from '../../src/commands/compat.js'
import Diff from '../../src/commands/diff.js'
import MaxPods from '../../src/commands/max-pods.js'
import UpgradePlan from '../../src/commands/upgrade-plan.js'
import WarmTargets from '../../src/commands/warm-targets.js'
import type {MaxPodsReport} from '../../src/core/max-pods/max-pods-report.js'
import {fitColumns, wrapText} from '../../src/output/fit-columns.js'
import {renderMaxPodsTable} from '../../src/output/max-pods-view-table.js'
import {plainStyle} from '../../src/output/style.js'
import {projectRoot, runCommand} from '../helpers/run-command.js'

/*
 * Issue 12, item 21: every table fits the terminal. Real output of every command with a table, at 80 columns (each
 * table line within 80) and at 250 (rows whole: nothing wrapped or left out). COLUMNS sets the width off a terminal.
 */
const test = suite('tables fit the terminal width')
const snapshot = join(projectRoot, 'examples/snapshot')
const fixture = (name: string) => join(projectRoot, 'test/fixtures/diff', `${name}.yaml`)

async function plainAt<T>(columns: number, command: Parameters<typeof runCommand<T>>[0], argv: string[]): Promise<string> {
  const previous = process.env.COLUMNS
  process.env.COLUMNS = String(columns)
  try {
    return (await runCommand<T>(command, argv)).stdout
  } finally {
    if (previous === undefined) delete process.env.COLUMNS
    else process.env.COLUMNS = previous
  }
}

/** The lines of the table that starts at the line matching `start`, up to the next blank line. */
function tableAt(text: string, start: RegExp): string[] {
  const lines = text.split('\n')
  const first = lines.findIndex((line) => start.test(line))
  assert.ok(first >= 0, `no table starting ${start} in:\n${text}`)
  const end = lines.findIndex((line, i) => i > first && line.trim() === '')
  return lines.slice(first, end < 0 ? undefined : end)
}

/** `rows`: the table's lines at 250 columns, header included (0: not checked); wrapped or dropped cells would add or remove some. */
const tables: Array<{args: string[]; command: Parameters<typeof runCommand>[0]; name: string; rows: number; start: RegExp}> = [
  {args: ['--instance-type', 'm5.large', '--pods', '10', '--nodes', '20'], command: WarmTargets, name: 'warm-targets', rows: 0, start: /^SETTING/},
  {args: ['--instance-type', 'm5.large', '--pods', '10', '--nodes', '20', '--subnet-free', '300'], command: WarmTargets, name: 'warm-targets --subnet-free', rows: 0, start: /^SETTING/},
  {args: ['-f', fixture('image-edited')], command: Diff, name: 'diff (image edited)', rows: 2, start: /^EFFECT/},
  {args: ['-f', fixture('env-typo')], command: Diff, name: 'diff (env typo)', rows: 4, start: /^EFFECT/},
  {args: ['-f', fixture('contested')], command: Diff, name: 'diff (contested)', rows: 3, start: /^EFFECT/},
  {args: ['--from-dir', snapshot], command: UpgradePlan, name: 'upgrade-plan facts', rows: 6, start: /^Facts:/},
  {args: ['--from-dir', snapshot], command: Compat, name: 'compat facts', rows: 4, start: /^Facts:/},
  {args: ['--from-dir', snapshot], command: Compat, name: 'compat features (prose, wrapped)', rows: 0, start: /^ {2}features:/},
]

for (const {args, command, name, rows, start} of tables) {
  test(`${name}: at 80 columns every table line fits; at 250 rows stay whole`, async () => {
    const narrow = tableAt(await plainAt(80, command, args), start)
    for (const line of narrow) assert.ok(line.length <= 80, `${line.length} wide: ${line}`)
    const wide = tableAt(await plainAt(250, command, args), start)
    assert.not.match(wide.join('\n'), /left out to fit/)
    if (rows > 0) assert.is(wide.length, rows, wide.join('\n'))
  })
}

test('max-pods --all (every type): within 80 columns on an 80-column terminal, whole rows at 250', async () => {
  const {result} = await runCommand<MaxPodsReport>(MaxPods, ['--all', '--json'])
  const narrow = renderMaxPodsTable(result!, plainStyle, 80).split('\n')
  for (const line of narrow) assert.ok(line.length <= 80, `${line.length} wide: ${line}`)
  const wide = renderMaxPodsTable(result!, plainStyle, 250).split('\n')
  assert.is(wide.length, result!.results.length + 1)
  assert.ok(Math.max(...wide.map((l) => l.length)) > 80)
  const tiny = renderMaxPodsTable(result!, plainStyle, 50).split('\n')
  for (const line of tiny) assert.ok(line.length <= 50, `${line.length} wide: ${line}`)
  assert.match(tiny.slice(-2).join(' '), /left out to fit 50 columns; --json has every field/)
})

test('fitColumns: shrinks the widest column first, drops by dropOrder before breaking words, no width keeps all', () => {
  const rows = [['NAME', 'VALUE', 'NOTE'], ['alpha', 'one two three four five', 'x']]
  assert.equal(fitColumns(rows, undefined).widths, [5, 23, 4])
  assert.equal(fitColumns(rows, 20), {dropped: [], kept: [0, 1, 2], widths: [5, 7, 4]})
  assert.equal(fitColumns(rows, 12, [undefined, undefined, 1]), {dropped: [2], kept: [0, 1], widths: [5, 5]})
  assert.equal(wrapText('containers[name="aws-node"].image', 16), ['containers[name=', '"aws-node"].', 'image'])
})

test.run()

import {cpSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {spawnSync} from 'node:child_process'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Doctor from '../../src/commands/doctor.js'
import type {CheckDoc} from '../../src/core/doctor/check-doc.js'
import {testCacheHome} from '../helpers/run-binary.js'
import {projectRoot, runCommand} from '../helpers/run-command.js'

const test = suite('doctor --explain ID: the check\'s docs/checks.md section, from the copy built into vpccni')
const page = readFileSync(join(projectRoot, 'docs/checks.md'), 'utf8')
const explain = (argv: string[]) => runCommand<CheckDoc>(Doctor, ['--explain', ...argv])

/** The section of docs/checks.md as the page has it: from its heading to the next anchor or area heading. */
function section(id: string): string {
  const start = page.indexOf(`### ${id} `)
  const rest = page.slice(start)
  const end = rest.search(/\n(<a id=|## )/)
  return rest.slice(0, end).trim()
}

/** The words of the page's section without its Markdown marks (heading, list items, bold). */
const sectionWords = (id: string): string[] => section(id).replace(/^### /, '').replaceAll(/^- /gm, '').replaceAll('**', '').split(/\s+/)

test('text: the heading and the five parts, every word of the page\'s section, within 80 columns; exit 0', async () => {
  const out = await explain(['cni004'])
  assert.is(out.exitCode, 0, out.stderr)
  assert.is(out.stderr, '')
  const lines = out.stdout.trimEnd().split('\n')
  assert.is(lines[0], 'CNI004 Subnet runway (error or warning)')
  assert.ok(lines.every((l) => l.length <= 80), lines.find((l) => l.length > 80))
  for (const label of ['What it means', 'Why it matters', 'How it is detected', 'Remedy', 'Source']) assert.ok(lines.includes(label), label)
  const shown = out.stdout.replaceAll(/^(What it means|Why it matters|How it is detected|Remedy|Source)$/gm, '$1.').split(/\s+/).filter(Boolean)
  assert.equal(shown, sectionWords('CNI004'))
})

test('--output markdown is the section as docs/checks.md has it (one H1); --json is its data', async () => {
  const md = await explain(['CNI007', '--output', 'markdown'])
  assert.is(md.exitCode, 0, md.stderr)
  assert.is(md.stdout.replace(/^# /, '### ').replaceAll(/\s+/g, ' ').trim(), section('CNI007').replaceAll(/\s+/g, ' '))
  const json = await explain(['CNI007', '--json'])
  assert.is(json.exitCode, 0, json.stderr)
  const doc = JSON.parse(json.stdout) as CheckDoc & {schemaVersion: number}
  assert.equal([doc.schemaVersion, doc.id, doc.severities], [1, 'CNI007', ['warning', 'error']])
})

test('an unknown ID is bad input with a did-you-mean, as --only; a flag that would be ignored is bad input too', async () => {
  const unknown = await explain(['CNI07'])
  assert.is(unknown.exitCode, 2)
  assert.is(unknown.stdout, '')
  assert.match(unknown.stderr, /^error: --explain: unknown check ID "CNI07"; did you mean CNI007/)
  assert.is(unknown.stderr.trimEnd().split('\n').length, 1)
  for (const extra of [['--only', 'CNI001'], ['--from-dir', '/tmp'], ['--context', 'prod'], ['--output', 'sarif']]) {
    const out = await explain(['CNI004', ...extra])
    assert.is(out.exitCode, 2, extra.join(' '))
    assert.match(out.stderr, /^error: /, extra.join(' '))
  }
})

test('the packaged files alone (package.json "files", no docs/) explain every check', () => {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {files: string[]}
  assert.not.ok(pkg.files.includes('docs'), 'docs/ is not shipped: the point of embedding it')
  const dir = mkdtempSync(join(tmpdir(), 'vpccni-package-'))
  try {
    for (const entry of [...pkg.files, 'package.json']) cpSync(join(projectRoot, entry), join(dir, entry), {recursive: true})
    const run = spawnSync(process.execPath, [join(dir, 'bin/run.cjs'), 'doctor', '--explain', 'CNI031'], {
      cwd: tmpdir(),
      encoding: 'utf8',
      env: {...process.env, COLUMNS: '80', OCLIF_SKIP_NEW_VERSION_CHECK: 'true', XDG_CACHE_HOME: testCacheHome},
    })
    assert.is(run.status, 0, run.stderr)
    assert.match(run.stdout, /^CNI031 Node networking condition and node monitoring agent events \(error or\n {2}warning\)\n/)
    assert.match(run.stdout, /\nRemedy\n {2}`kubectl describe node`/)
  } finally {
    rmSync(dir, {force: true, recursive: true})
  }
})

test.run()

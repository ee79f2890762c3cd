import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {UserError} from '../../../src/errors.js'
import {formatErrorLine} from '../../../src/format-error.js'
import {openClusterSource} from '../../../src/sources/open-cluster-source.js'

const test = suite('--from-dir: a folder that is not a readable snapshot is bad input (exit 2, one line)')
const work = mkdtempSync(join(tmpdir(), 'vpccni-bad-snapshot-'))
test.after(() => rmSync(work, {force: true, recursive: true}))

/** A folder holding these files, for one case. */
function folder(name: string, files: Record<string, string>): string {
  const dir = join(work, name)
  mkdirSync(dir)
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text)
  return dir
}

const cases: Array<[string, () => string, RegExp]> = [
  ['a missing folder', () => join(work, 'nowhere'), /no such file or folder/],
  ['a file, not a folder', () => folder('file-parent', {'x.json': '{}'}) + '/x.json', /not a folder/],
  ['a folder without index.json', () => folder('no-index', {'listNodes.json': '[]'}), /index\.json: no such file/],
  ['an index that is not JSON', () => folder('bad-json', {'index.json': '{"schemaVersion": 1,'}), /index\.json is not valid JSON/],
  ['an index that is not an index', () => folder('not-index', {'index.json': '[1, 2]'}), /is not a snapshot index/],
  ['an unknown schemaVersion', () => folder('future', {'index.json': '{"schemaVersion": 2, "calls": {}}'}), /schemaVersion 2 is not supported/],
]

for (const [name, makeDir, message] of cases) {
  test(name, async () => {
    const error = await openClusterSource({'from-dir': makeDir(), 'request-timeout': 10}).then(() => undefined, (thrown) => thrown)
    assert.instance(error, UserError)
    assert.is(error.exitCode, 2)
    assert.match(error.message, message)
    assert.not.match(formatErrorLine({exitCode: 2, hint: error.hint, message: error.message}), /\n./)
  })
}

test('a call file that went missing is bad input naming it, when that call is made', async () => {
  const index = {calls: {listNodes: {args: {}, count: 0, file: 'listNodes.json', note: null, ok: true}}, schemaVersion: 1}
  const dir = folder('lost-file', {'index.json': JSON.stringify(index)})
  const source = await openClusterSource({'from-dir': dir, 'request-timeout': 10})
  const error = await source.listNodes().then(() => undefined, (thrown) => thrown)
  assert.instance(error, UserError)
  assert.match(error.message, /listNodes\.json: no such file/)
  const missing = await source.listPods().then(() => undefined, (thrown) => thrown)
  assert.match(missing.message, /no record of listPods/)
})

test('a call file of the wrong shape is bad input naming it, not an internal error', async () => {
  const entry = (file: string) => ({args: {}, count: null, file, note: null, ok: true})
  const index = {
    calls: {describeSubnets: entry('describeSubnets.json'), readAwsNode: entry('readAwsNode.json'), readServerVersion: entry('readServerVersion.json')},
    schemaVersion: 1,
  }
  const dir = folder('wrong-shape', {
    'describeSubnets.json': '{"foo": 1}',
    'index.json': JSON.stringify(index),
    'readAwsNode.json': '{"x": 1}',
    'readServerVersion.json': '[]',
  })
  const source = await openClusterSource({'from-dir': dir, 'request-timeout': 10})
  for (const [call, read] of [
    ['describeSubnets', () => source.describeSubnets(['subnet-1'])],
    ['readAwsNode', () => source.readAwsNode()],
    ['readServerVersion', () => source.readServerVersion()],
  ] as const) {
    const error = await read().then(() => undefined, (thrown) => thrown)
    assert.instance(error, UserError, call)
    assert.match(error.message, new RegExp(`${call}\\.json does not hold a ${call} answer`))
  }
})

test.run()

import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {projectRoot} from './helpers/run-command.js'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : []
  })
}

const files = sourceFiles(join(projectRoot, 'src'))
const test = suite('source conventions')

test('no value import from the @oclif/core root: its index runs an engine check and loads every module at start', () => {
  const offenders = files.filter((f) => /^import (?!type )[^']*?from '@oclif\/core'$/m.test(readFileSync(f, 'utf8')))
  assert.equal(offenders.map((f) => relative(projectRoot, f)), [])
})

test('SDKs are imported lazily only, and only under src/sources', () => {
  const offenders = files.filter((f) => {
    const text = readFileSync(f, 'utf8')
    const eager = /^import (?!type )[^']*?from '(@aws-sdk\/[^']+|@kubernetes\/client-node)'/m.test(text)
    const outside = !f.includes('/src/sources/') && /import\('(@aws-sdk|@kubernetes)/.test(text)
    return eager || outside
  })
  assert.equal(offenders.map((f) => relative(projectRoot, f)), [])
})

test('src/core is pure: no I/O, environment, clock, SDK, oclif or terminal imports', () => {
  const forbidden = /from '(node:fs|fs|node:child_process|node:os|@aws-sdk[^']*|@kubernetes[^']*|@oclif[^']*|chalk|cli-table3)'|process\.env|Date\.now\(|new Date\(\)/
  const offenders = files.filter((f) => f.includes('/src/core/') && forbidden.test(readFileSync(f, 'utf8')))
  assert.equal(offenders.map((f) => relative(projectRoot, f)), [])
})

test('the product never reads ../shared at run time', () => {
  // A path in code is a read; a comment naming where data came from is not.
  const withoutComments = (text: string): string => text.replaceAll(/\/\*[\s\S]*?\*\//g, '').replaceAll(/\/\/.*$/gm, '')
  const offenders = files.filter((f) => withoutComments(readFileSync(f, 'utf8')).includes('../shared'))
  assert.equal(offenders.map((f) => relative(projectRoot, f)), [])
})

test.run()

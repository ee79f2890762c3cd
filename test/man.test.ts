import {spawnSync} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {projectRoot} from './helpers/run-command.js'

const test = suite('man pages')
const manDir = join(projectRoot, 'man')
const manifest = JSON.parse(readFileSync(join(projectRoot, 'oclif.manifest.json'), 'utf8')) as {commands: Record<string, unknown>}

test('one page per command plus vpccni.1', () => {
  const pages = readdirSync(manDir).filter((f) => f.endsWith('.1')).sort()
  const expected = ['vpccni.1', ...Object.keys(manifest.commands).map((id) => `vpccni-${id.replaceAll(/[ :]/g, '-')}.1`)].sort()
  assert.equal(pages, expected)
})

test('groff -man -Tutf8 -ww -z prints nothing for every page', () => {
  const check = spawnSync('groff', ['--version'], {encoding: 'utf8'})
  assert.ok(check.status === 0, 'groff is not installed: .ci/run installs it (apt-get install groff-base)')
  for (const page of readdirSync(manDir).filter((f) => f.endsWith('.1'))) {
    const lint = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', join(manDir, page)], {encoding: 'utf8'})
    assert.is(lint.stderr + lint.stdout, '', page)
    assert.is(lint.status, 0, page)
  }
})

test('the max-pods page documents every flag and the exit status', () => {
  const page = readFileSync(join(manDir, 'vpccni-max-pods.1'), 'utf8')
  for (const flag of ['prefix', 'custom\\-networking', 'security\\-groups\\-for\\-pods', 'max\\-eni', 'cni\\-version', 'no\\-cap', 'all', 'source', 'explain']) {
    assert.ok(page.includes(`\\-\\-${flag}`), flag)
  }

  assert.match(page, /\.SH EXIT STATUS/)
})

test('the doctor page documents --explain, with its example', () => {
  const page = readFileSync(join(manDir, 'vpccni-doctor.1'), 'utf8')
  assert.match(page, /^\.B \\-\\-explain \\fIvalue\\fR$/m)
  assert.match(page, /^\.B vpccni doctor \\-\\-explain CNI004$/m)
})

test('SEE ALSO and COMMANDS name pages that exist, and synopses use the typed command', () => {
  const pages = new Set(readdirSync(manDir).filter((f) => f.endsWith('.1')))
  for (const page of pages) {
    const text = readFileSync(join(manDir, page), 'utf8')
    for (const [, name] of text.matchAll(/^\.BR (\S+) \(1\)/gm)) {
      assert.ok(pages.has(`${name.replaceAll('\\-', '-')}.1`), `${page} names ${name}`)
    }

    assert.not.match(text, /ipamd:simulate/, page)
  }

  assert.match(readFileSync(join(manDir, 'vpccni-ipamd-simulate.1'), 'utf8'), /^\.B vpccni ipamd simulate$/m)
})

test.run()

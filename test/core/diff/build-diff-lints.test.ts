import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {parseAllDocuments} from 'yaml'

import {buildDiffLints} from '../../../src/core/diff/build-diff-lints.js'
import {buildDiffReport} from '../../../src/core/diff/build-diff-report.js'
import {selectDiffInput} from '../../../src/core/diff/select-diff-input.js'
import {DIFF_REFERENCE_DATA} from '../../../src/data/diff-reference.js'
import {projectRoot} from '../../helpers/run-command.js'

const dir = join(projectRoot, 'test/fixtures/diff')
const outcome = <T>(run: () => T): T | {refused: string} => {
  try {
    return run()
  } catch (error) {
    return {refused: (error as Error).message}
  }
}

// Doctor's settings and mode checks read the lints alone: they must be the whole diff's, and refused where it is.
for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  test(`${file}: buildDiffLints gives the whole report's lints and running version`, () => {
    const docs = parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((d) => d.toJS())
    const input = outcome(() => selectDiffInput(docs, file))
    if ('refused' in input) return
    const whole = outcome(() => buildDiffReport(input, DIFF_REFERENCE_DATA))
    const expected = 'refused' in whole ? whole : {lint: whole.lint, running: whole.cniVersion.running}
    assert.equal(outcome(() => buildDiffLints(input, DIFF_REFERENCE_DATA)), expected)
  })
}

test.run()

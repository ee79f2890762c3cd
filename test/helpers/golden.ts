import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'

import * as assert from 'uvu/assert'

import {projectRoot} from './run-command.js'

/** Compares text with test/golden/NAME; UPDATE_GOLDEN=1 rewrites the file instead. */
export function assertGolden(actual: string, name: string): void {
  const path = join(projectRoot, 'test/golden', name)
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(dirname(path), {recursive: true})
    writeFileSync(path, actual)
    return
  }

  let expected: string
  try {
    expected = readFileSync(path, 'utf8')
  } catch {
    throw new Error(`golden file test/golden/${name} is missing: run the tests once with UPDATE_GOLDEN=1 and review it`)
  }

  assert.fixture(actual, expected)
}

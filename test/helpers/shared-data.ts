import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {projectRoot} from './run-command.js'

/**
 * The public facts in ../shared/data, read by tests only (the product embeds its own copy).
 * Comparing the product with them checks both the generator and the arithmetic.
 */
export function readSharedData<T>(file: string): T {
  const path = join(projectRoot, '../shared/data', file)
  if (!existsSync(path)) throw new Error(`reference data ${path} is missing: these tests compare the product with it`)
  return JSON.parse(readFileSync(path, 'utf8')) as T
}

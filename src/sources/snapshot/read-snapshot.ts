import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

import {oneLine} from '../../core/one-line.js'
import {UserError} from '../../errors.js'
import {errnoWords} from '../errno-words.js'
import {SNAPSHOT_INDEX_FILE, SNAPSHOT_SCHEMA_VERSION, type SnapshotIndex} from './snapshot-format.js'

const HINT = 'pass a folder written by `vpccni snapshot -o DIR`'

/** The index of the snapshot in DIR; a missing folder or index, bad JSON or another layout version is bad input. */
export function readSnapshotIndex(dir: string): SnapshotIndex {
  let isDir: boolean
  try {
    isDir = statSync(dir).isDirectory()
  } catch (error) {
    throw new UserError(`--from-dir ${dir}: ${errnoWords(error, {ENOENT: 'no such file or folder'})}`, {hint: HINT})
  }

  if (!isDir) throw new UserError(`--from-dir ${dir}: not a folder`, {hint: HINT})
  const index = readSnapshotJson(dir, SNAPSHOT_INDEX_FILE) as Partial<SnapshotIndex> | null
  if (index === null || typeof index !== 'object' || typeof index.calls !== 'object' || index.calls === null) {
    throw new UserError(`--from-dir ${dir}: ${SNAPSHOT_INDEX_FILE} is not a snapshot index`, {hint: HINT})
  }

  if (index.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) {
    throw new UserError(
      `--from-dir ${dir}: snapshot schemaVersion ${JSON.stringify(index.schemaVersion)} is not supported (this vpccni reads ${SNAPSHOT_SCHEMA_VERSION})`,
      {hint: 'take the snapshot again with this vpccni'},
    )
  }

  return index as SnapshotIndex
}

/** One file of the snapshot, parsed; unreadable or malformed is bad input naming the file. */
export function readSnapshotJson(dir: string, file: string): unknown {
  let text: string
  try {
    text = readFileSync(join(dir, file), 'utf8')
  } catch (error) {
    throw new UserError(`--from-dir ${dir}: ${file}: ${errnoWords(error, {ENOENT: 'no such file or folder'})}`, {hint: HINT})
  }

  try {
    return JSON.parse(text)
  } catch (error) {
    throw new UserError(`--from-dir ${dir}: ${file} is not valid JSON (${oneLine((error as Error).message)})`, {hint: HINT})
  }
}

import {existsSync, mkdirSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'

import {quoteInput} from '../../core/quote-input.js'
import {UserError} from '../../errors.js'
import {errnoWords} from '../errno-words.js'
import {probeWritable} from '../files/probe-writable.js'
import type {CapturedSnapshot} from './capture-snapshot.js'
import {callFileName, SNAPSHOT_INDEX_FILE} from './snapshot-format.js'

/**
 * Checked before anything is read from the cluster: refuses an empty path, a path that is a file, a folder with
 * something in it unless FORCE, and a folder that cannot be created or written. A snapshot never mixes with other
 * files by accident, and a bad -o never costs a whole cluster read.
 */
export function checkSnapshotDir(dir: string, force: boolean): void {
  if (dir.trim() === '') throw new UserError('-o/--output is empty: name the folder to write the snapshot to')
  const shown = quoteInput(dir, 120)
  let entries: string[]
  try {
    if (!statSync(dir).isDirectory()) throw new UserError(`${shown} is not a folder`)
    entries = readdirSync(dir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return checkCreatable(dir, shown)
    if (error instanceof UserError) throw error
    throw new UserError(`cannot write to ${shown}: ${errnoWords(error)}`)
  }

  try {
    probeWritable(dir)
  } catch (error) {
    throw new UserError(`cannot write to ${shown}: ${errnoWords(error, {ENOENT: 'it does not take new files'})}`)
  }

  if (entries.length > 0 && !force) {
    throw new UserError(`${shown} is not empty`, {hint: 'choose a new folder, or pass --force to write into it'})
  }
}

/** A missing folder is created at the end: its nearest existing parent must be a folder vpccni may write to. */
function checkCreatable(dir: string, shown: string): void {
  let parent = dirname(resolve(dir))
  while (!existsSync(parent)) parent = dirname(parent)
  try {
    if (!statSync(parent).isDirectory()) throw new Error(`${parent} is not a folder`)
    probeWritable(parent)
  } catch (error) {
    throw new UserError(`cannot create ${shown}: ${errnoWords(error, {ENOENT: `${parent} does not take new files`})}`)
  }
}

/** Writes one JSON file per captured call, then index.json last: a folder with an index is a complete snapshot. */
export function writeSnapshot(dir: string, snapshot: CapturedSnapshot): void {
  try {
    mkdirSync(dir, {recursive: true})
    for (const [call, answer] of Object.entries(snapshot.answers)) {
      writeJson(join(dir, callFileName(call as keyof CapturedSnapshot['answers'])), answer)
    }

    writeJson(join(dir, SNAPSHOT_INDEX_FILE), snapshot.index)
  } catch (error) {
    throw new UserError(`cannot write the snapshot to ${dir}: ${errnoWords(error)}`)
  }
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`)
}

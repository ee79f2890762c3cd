import {randomBytes} from 'node:crypto'
import {existsSync, statSync} from 'node:fs'
import {rename, rm, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

import {UserError} from '../../errors.js'
import {errnoWords} from '../errno-words.js'
import {probeWritable} from './probe-writable.js'

/**
 * Writes TEXT to PATH so that a reader sees the old file or the new one, never a part: a temporary file in the same
 * folder (same file system), then rename. node-exporter's textfile collector skips dot-files, so the temporary one is never read.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, text, {mode: 0o644})
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, {force: true})
    throw new UserError(`cannot write --output-file ${path}: ${why(error, path)}`)
  }
}

/**
 * Checked before anything is read, as `snapshot -o` checks its folder: an empty PATH, a PATH that is a folder, and a
 * folder that is missing, not a folder or not writable are refused, so a bad --output-file never costs a cluster read
 * (nor, on a failing cluster, turns exit 1 and its report into exit 2).
 */
export function checkOutputFile(path: string): void {
  if (path.trim() === '') throw new UserError('--output-file is empty: name the file to write')
  const refuse = (reason: string) => new UserError(`cannot write --output-file ${path}: ${reason}`)
  const folder = dirname(path)
  try {
    if (statSync(path, {throwIfNoEntry: false})?.isDirectory()) throw refuse('it is a folder')
    if (!statSync(folder).isDirectory()) throw refuse(`${folder} is not a folder`)
    probeWritable(folder)
  } catch (error) {
    if (error instanceof UserError) throw error
    throw refuse(why(error, path))
  }
}

/**
 * ENOENT and ENOTDIR name the part at fault: a folder that is missing or is a file, or (in /proc, /sys) a folder that
 * will not take a new file.
 */
function why(error: unknown, path: string): string {
  const folder = dirname(path)
  const found = existsSync(folder)
  return errnoWords(error, {
    ENOENT: found ? `${folder} does not take new files` : `its folder ${folder} does not exist`,
    ENOTDIR: found ? `${folder} is not a folder` : `a part of the path to ${folder} is not a folder`,
  })
}

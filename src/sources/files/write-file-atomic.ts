import {randomBytes} from 'node:crypto'
import {rename, rm, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

import {UserError} from '../../errors.js'

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
    throw new UserError(`cannot write --output-file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}

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
    throw new UserError(`cannot write --output-file ${path}: ${why(error as NodeJS.ErrnoException, path)}`)
  }
}

/** The system's error code in words (the raw code, e.g. ENOENT, says little to someone who only gave a path). */
function why(error: NodeJS.ErrnoException, path: string): string {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM': {
      return 'permission denied'
    }

    case 'EISDIR': {
      return 'it is a folder'
    }

    case 'ENOENT':
    case 'ENOTDIR': {
      return `its folder ${dirname(path)} does not exist`
    }

    case 'EROFS': {
      return 'the file system is read-only'
    }

    default: {
      return error.code ?? error.message
    }
  }
}

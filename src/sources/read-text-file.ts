import {readFile} from 'node:fs/promises'

import {UserError} from '../errors.js'

/** A file the user named (`-` is stdin); an unreadable one is bad input (exit 2), not a source failure. */
export async function readTextFile(path: string): Promise<string> {
  try {
    if (path === '-') {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk))
      return Buffer.concat(chunks).toString('utf8')
    }

    return await readFile(path, 'utf8')
  } catch (error) {
    throw new UserError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {cause: error})
  }
}

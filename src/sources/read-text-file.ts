import {readFile} from 'node:fs/promises'

import {UserError} from '../errors.js'
import {errnoWords} from './errno-words.js'

/** How messages name a path the user gave: `-` is standard input. */
export const inputName = (path: string): string => (path === '-' ? 'standard input' : path)

/** A file's text, or standard input's for `-`; an unreadable file is bad input (exit 2) with the reason in words. */
export async function readTextFile(path: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  if (path === '-') {
    // Reading a terminal would wait for a trace or manifest typed by hand: say how to give one instead.
    if ((stdin as NodeJS.ReadStream).isTTY) throw new UserError('- means standard input, and nothing is piped in (it is a terminal)', {hint: 'pipe the file in, or give its path'})
    const chunks: Buffer[] = []
    for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
    return Buffer.concat(chunks).toString('utf8')
  }

  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new UserError(`cannot read ${path}: ${errnoWords(error)}`, {cause: error})
  }
}

import {mkdirSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {UserError} from '../../errors.js'
import type {CapturedSnapshot} from './capture-snapshot.js'
import {callFileName, SNAPSHOT_INDEX_FILE} from './snapshot-format.js'

/** Refuses a path that is a file, or a folder with something in it unless FORCE: a snapshot never mixes with other files by accident. */
export function checkSnapshotDir(dir: string, force: boolean): void {
  let entries: string[]
  try {
    if (!statSync(dir).isDirectory()) throw new UserError(`${dir} is not a folder`)
    entries = readdirSync(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    if (error instanceof UserError) throw error
    throw new UserError(`cannot read ${dir}: ${(error as Error).message}`)
  }

  if (entries.length > 0 && !force) {
    throw new UserError(`${dir} is not empty`, {hint: 'choose a new folder, or pass --force to write into it'})
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
    throw new UserError(`cannot write the snapshot to ${dir}: ${(error as Error).message}`)
  }
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`)
}

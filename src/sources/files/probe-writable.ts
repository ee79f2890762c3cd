import {randomBytes} from 'node:crypto'
import {closeSync, openSync, unlinkSync} from 'node:fs'
import {join} from 'node:path'

/**
 * Throws the system's error when no file can be created in FOLDER. access(W_OK) is not enough: it says yes to root
 * everywhere, /proc and /sys included, where creating a file still fails; so a dot-file is created and removed at once
 * (node-exporter's textfile collector skips dot-files).
 */
export function probeWritable(folder: string): void {
  const probe = join(folder, `.vpccni-probe.${process.pid}.${randomBytes(4).toString('hex')}`)
  closeSync(openSync(probe, 'wx', 0o600))
  unlinkSync(probe)
}

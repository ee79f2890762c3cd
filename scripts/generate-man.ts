/**
 * Writes man/vpccni.1 and one man/vpccni-<command>.1 per command from oclif.manifest.json.
 * Dated from SOURCE_DATE_EPOCH when set, so builds are reproducible.
 */
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {EXIT_CODES_HELP} from '../src/exit-codes.js'
import {manPageName, renderCommandPage, renderIndexPage, type ManifestCommand} from './man-roff.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const manifest = JSON.parse(readFileSync(join(root, 'oclif.manifest.json'), 'utf8')) as {
  commands: Record<string, ManifestCommand>
  version: string
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {description: string; version: string}
const epoch = process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now()
const context = {date: new Date(epoch).toISOString().slice(0, 10), exitCodes: EXIT_CODES_HELP, version: pkg.version}

const manDir = join(root, 'man')
mkdirSync(manDir, {recursive: true})
for (const file of readdirSync(manDir)) if (file.endsWith('.1')) rmSync(join(manDir, file))

const commands = Object.values(manifest.commands).sort((a, b) => a.id.localeCompare(b.id))
writeFileSync(join(manDir, 'vpccni.1'), renderIndexPage(commands, pkg.description, context))
for (const command of commands) {
  writeFileSync(join(manDir, `${manPageName(command.id)}.1`), renderCommandPage(command, context))
}

console.error(`wrote ${commands.length + 1} man pages to man/`)

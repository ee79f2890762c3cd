import {execFile} from 'node:child_process'
import {cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync} from 'node:fs'
import {dirname, join} from 'node:path'

/**
 * deploy/Dockerfile's two stages done by hand, for a machine without a Docker engine: the build context as Docker
 * sends it (the project minus .dockerignore), the build stage's `npm run build` on that context, and the runtime
 * stage's files (its `COPY --from=build` lines) over production dependencies only.
 */

interface Pattern {
  exclude: boolean
  regex: RegExp
}

/** A .dockerignore pattern as Docker matches it: from the context root, `**` any folders, `*` and `?` within one name. */
function toRegex(pattern: string): RegExp {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (pattern.startsWith('**/', i)) {
      source += '(?:.*/)?'
      i += 2
    } else if (pattern.startsWith('**', i)) {
      source += '.*'
      i += 1
    } else if (c === '*') source += '[^/]*'
    else if (c === '?') source += '[^/]'
    else source += c.replace(/[.+^${}()|[\]\\]/, '\\$&')
  }

  return new RegExp(`^${source}$`)
}

/** The patterns of a .dockerignore: one a line, `#` comments and blank lines skipped, a leading `/` dropped, `!` an exception. */
export function parseDockerignore(text: string): Pattern[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const exclude = !line.startsWith('!')
      return {exclude, regex: toRegex((exclude ? line : line.slice(1)).replace(/^\/+/, '').replace(/\/+$/, ''))}
    })
}

/** Whether Docker leaves PATH out: the last pattern that matches it or one of its folders decides. */
export function isIgnored(patterns: Pattern[], path: string): boolean {
  const parts = path.split('/')
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'))
  let ignored = false
  for (const pattern of patterns) {
    if (candidates.some((candidate) => pattern.regex.test(candidate))) ignored = pattern.exclude
  }

  return ignored
}

/** Every file `COPY . .` copies from ROOT (relative, /-separated); symlinks are sent as they are, never followed. */
export function buildContext(root: string, patterns: Pattern[]): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = dir ? `${dir}/${name}` : name
      if (isIgnored(patterns, path)) continue
      if (lstatSync(join(root, path)).isDirectory()) walk(path)
      else files.push(path)
    }
  }

  walk('')
  return files
}

const run = (command: string, args: string[], cwd: string) =>
  new Promise<void>((resolve, reject) => {
    execFile(command, args, {cwd, encoding: 'utf8'}, (error, _stdout, stderr) => (error ? reject(new Error(`${command} ${args.join(' ')}: ${stderr}`)) : resolve()))
  })

/**
 * The image's /app under WORK: the context copied to WORK/src, built there (its node_modules is the project's,
 * installed from the same lockfile, standing in for `npm ci`), then the runtime stage's COPY lines into WORK/app over
 * symlinks to the lockfile's production packages only; run it with NODE_PRESERVE_SYMLINKS=1 so a package finds its
 * dependencies there, not beside its real folder, and a dev-only one is not found.
 */
export async function emulateImage(root: string, work: string): Promise<{app: string; context: string[]; env: Record<string, string>}> {
  const context = buildContext(root, parseDockerignore(readFileSync(join(root, '.dockerignore'), 'utf8')))
  const src = join(work, 'src')
  for (const file of context) {
    mkdirSync(dirname(join(src, file)), {recursive: true})
    cpSync(join(root, file), join(src, file), {verbatimSymlinks: true})
  }

  symlinkSync(join(root, 'node_modules'), join(src, 'node_modules'))
  await run('npm', ['run', 'build', '--silent'], src)
  const dockerfile = readFileSync(join(root, 'deploy/Dockerfile'), 'utf8')
  const runtime = dockerfile.split(/^FROM /m).at(-1)!
  const app = join(work, 'app')
  mkdirSync(app)
  for (const [, args] of runtime.matchAll(/^COPY (.+)$/gm)) {
    const words = args.split(/\s+/)
    const fromBuild = words[0] === '--from=build'
    const to = words.at(-1)!
    for (const from of words.slice(fromBuild ? 1 : 0, -1)) {
      const source = fromBuild ? join(src, from.replace(/^\/src\//, '')) : join(root, from)
      cpSync(source, join(app, to.endsWith('/') ? join(to, from.split('/').at(-1)!) : to), {recursive: true})
    }
  }

  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {packages: Record<string, {dev?: boolean}>}
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!/^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) || entry.dev) continue
    mkdirSync(dirname(join(app, path)), {recursive: true})
    symlinkSync(join(root, path), join(app, path))
  }

  // The runtime stage's ENV lines (KEY=VALUE pairs, unquoted).
  const env = Object.fromEntries([...runtime.matchAll(/^ENV (.+)$/gm)].flatMap(([, pairs]) => pairs.split(/\s+/).map((pair) => pair.split('=') as [string, string])))
  return {app, context, env}
}

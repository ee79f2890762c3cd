import {spawnSync} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {projectRoot} from './run-command.js'

/** One code-cache folder per test process, so tests never read or write the user's cache. */
export const testCacheHome = mkdtempSync(join(tmpdir(), 'vpccni-cache-'))

export interface BinaryOutcome {
  exitCode: null | number
  /** runBinaryAsync only: milliseconds from spawn to exit, and to the first byte on stderr (undefined when none). */
  exitedAtMs?: number
  stderr: string
  stderrAtMs?: number
  stdout: string
}

/** The real launcher, as a user runs it: bin/run.cjs on the built bundle and the shipped manifest. */
export function runBinary(args: string[], options: {env?: Record<string, string>; input?: string} = {}): BinaryOutcome {
  const run = spawnSync(process.execPath, [join(projectRoot, 'bin/run.cjs'), ...args], {
    encoding: 'utf8',
    env: {...process.env, OCLIF_SKIP_NEW_VERSION_CHECK: 'true', XDG_CACHE_HOME: testCacheHome, ...options.env},
    input: options.input,
  })
  return {exitCode: run.status, stderr: run.stderr, stdout: run.stdout}
}

/**
 * The real launcher, without blocking this process: needed when the test's own servers (the cluster lab) answer
 * the binary's requests, which spawnSync would starve.
 */
export async function runBinaryAsync(args: string[], options: {env?: Record<string, string>; input?: string} = {}): Promise<BinaryOutcome> {
  const {spawn} = await import('node:child_process')
  const started = performance.now()
  let stderrAtMs: number | undefined
  const child = spawn(process.execPath, [join(projectRoot, 'bin/run.cjs'), ...args], {
    env: {...process.env, OCLIF_SKIP_NEW_VERSION_CHECK: 'true', XDG_CACHE_HOME: testCacheHome, ...options.env},
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  child.stdin.end(options.input ?? '')
  const stdout: string[] = []
  const stderr: string[] = []
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => stdout.push(chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderrAtMs ??= performance.now() - started
    stderr.push(chunk)
  })
  const exitCode = await new Promise<null | number>((resolve) => child.on('close', (code) => resolve(code)))
  return {exitCode, exitedAtMs: performance.now() - started, stderr: stderr.join(''), stderrAtMs, stdout: stdout.join('')}
}

import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../..')

export interface CommandOutcome<T> {
  exitCode: number
  result?: T
  stderr: string
  stdout: string
}

interface Runnable {
  run(argv: string[], opts: string): Promise<unknown>
}

/**
 * Runs a command class in this process, as bin/run.cjs would, capturing stdout, stderr and the exit code.
 * No module is mocked: the command parses real flags and reads real data.
 */
export async function runCommand<T>(command: Runnable, argv: string[]): Promise<CommandOutcome<T>> {
  const out: string[] = []
  const err: string[] = []
  const realOut = process.stdout.write.bind(process.stdout)
  const realErr = process.stderr.write.bind(process.stderr)
  process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof process.stdout.write
  process.stderr.write = ((chunk: string | Uint8Array) => err.push(String(chunk)) > 0) as typeof process.stderr.write
  const previousExitCode = process.exitCode
  process.exitCode = undefined
  let result: T | undefined
  let exitCode = 0
  try {
    result = (await command.run(argv, projectRoot)) as T
    exitCode = Number(process.exitCode ?? 0)
  } catch (error) {
    const oclif = (error as {oclif?: {exit?: number}}).oclif
    if (oclif?.exit === undefined) throw error
    exitCode = oclif.exit
  } finally {
    process.stdout.write = realOut
    process.stderr.write = realErr
    process.exitCode = previousExitCode
  }

  return {exitCode, result, stderr: err.join(''), stdout: out.join('')}
}

import {spawn} from 'node:child_process'

import {findFreePort} from './free-port.js'

/** A moto_server on loopback: the real EC2 query protocol, answered by an emulator with recorded instance data. */
export interface MotoServer {
  endpoint: string
  /** Its process (a benchmark reads its CPU time from /proc). */
  pid: number
  /** Forgets every VPC, instance and ENI (POST /moto-api/reset). */
  reset(): Promise<void>
  stop(): Promise<void>
}

const READY_TIMEOUT_MS = 20_000

/**
 * Starts `moto_server -H 127.0.0.1 -p PORT`. Rejects with the reason when moto is not installed or does not come up,
 * so the tests that need it fail loudly instead of passing.
 */
export async function startMoto(): Promise<MotoServer> {
  const port = await findFreePort()
  const endpoint = `http://127.0.0.1:${port}`
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000)
  })
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (error) =>
      reject(new Error(`moto_server could not be started (${error.message}): the EC2 lab needs moto 5 on PATH`)),
    )
    child.once('exit', (code) => reject(new Error(`moto_server exited early with code ${code}: ${stderr.trim()}`)))
  })
  const reset = async (): Promise<void> => {
    const response = await fetch(`${endpoint}/moto-api/reset`, {method: 'POST'})
    if (!response.ok) throw new Error(`moto reset failed: HTTP ${response.status}`)
  }

  try {
    await Promise.race([exited, waitUntilReady(reset)])
  } catch (error) {
    child.kill()
    throw error
  }

  exited.catch(() => undefined)
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return
    const gone = new Promise((resolve) => child.once('exit', resolve))
    child.kill()
    await gone
  }

  return {endpoint, pid: child.pid!, reset, stop}
}

async function waitUntilReady(reset: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  for (;;) {
    try {
      await reset()
      return
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`moto_server did not answer within ${READY_TIMEOUT_MS} ms: ${String(error)}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

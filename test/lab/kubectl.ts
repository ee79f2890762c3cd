import {execFile} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {join} from 'node:path'

export interface KubectlOutcome {
  exitCode: number
  stderr: string
  stdout: string
}

/**
 * Runs kubectl (on the image) as a second, independent client. Asynchronous on purpose: the lab answers from this
 * same process. Each run gets a fresh discovery cache, so each asks discovery as a first run would. A missing kubectl
 * fails the test with the reason; it never lets it pass.
 */
export function kubectl(kubeconfig: string, args: string[], home: string): Promise<KubectlOutcome> {
  const env = {...process.env, HOME: home, KUBECACHEDIR: mkdtempSync(join(home, 'kube-cache-'))}
  return new Promise((resolve, reject) => {
    execFile('kubectl', ['--kubeconfig', kubeconfig, ...args], {encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024, timeout: 60_000}, (error, stdout, stderr) => {
      const code = (error as {code?: number | string} | null)?.code
      if (code === 'ENOENT') {
        reject(new Error('kubectl is not on PATH: this test needs it as an independent client of the lab and cannot pass without it'))
        return
      }

      resolve({exitCode: error ? (typeof code === 'number' ? code : 1) : 0, stderr, stdout})
    })
  })
}

/** kubectl's stdout; a failure throws with kubectl's own message. */
export async function runKubectl(kubeconfig: string, args: string[], home: string): Promise<string> {
  const outcome = await kubectl(kubeconfig, args, home)
  if (outcome.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${outcome.exitCode}): ${outcome.stderr}`)
  return outcome.stdout
}

import {execFile} from 'node:child_process'
import {promisify} from 'node:util'

const run = promisify(execFile)

/**
 * Runs kubectl (on the image) as a second, independent client. Asynchronous on purpose: the lab answers from this
 * same process. A missing kubectl fails the test with the reason; it never lets it pass.
 */
export async function runKubectl(kubeconfig: string, args: string[], home: string): Promise<string> {
  try {
    const {stdout} = await run('kubectl', ['--kubeconfig', kubeconfig, ...args], {
      encoding: 'utf8',
      env: {...process.env, HOME: home, KUBECACHEDIR: `${home}/kube-cache`},
      maxBuffer: 256 * 1024 * 1024,
      timeout: 60_000,
    })
    return stdout
  } catch (error) {
    const e = error as {code?: number | string; stderr?: string}
    if (e.code === 'ENOENT') {
      throw new Error('kubectl is not on PATH: this test needs it as an independent client of the lab and cannot pass without it')
    }

    throw new Error(`kubectl ${args.join(' ')} failed (${e.code}): ${e.stderr ?? ''}`)
  }
}

import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {kubernetesOptionsFromFlags} from '../../../src/sources/kubernetes/index.js'
import {projectRoot} from '../../helpers/run-command.js'

const boundaries = suite('Kubernetes source boundaries')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : []
  })
}

boundaries('client-node is imported lazily (await import) or for types only, and only under src/sources/kubernetes', () => {
  const offenders: string[] = []
  for (const file of sourceFiles(join(projectRoot, 'src'))) {
    const text = readFileSync(file, 'utf8')
    const staticImport = /^import\s+(?!type\b)[^']*'@kubernetes\/client-node'/m.test(text)
    const anyUse = text.includes('@kubernetes/client-node')
    const where = relative(projectRoot, file)
    if (staticImport || (anyUse && !where.startsWith('src/sources/kubernetes/'))) offenders.push(where)
  }

  assert.equal(offenders, [])
})

boundaries('the source has no way to send anything but GET', () => {
  const dir = join(projectRoot, 'src/sources/kubernetes')
  const text = sourceFiles(dir).map((file) => readFileSync(file, 'utf8')).join('\n')
  assert.equal([...text.matchAll(/method:\s*'([A-Z]+)'/g)].map((m) => m[1]), ['GET'])
  assert.not.match(text, /\b(createNamespaced|patchNamespaced|replaceNamespaced|deleteNamespaced)\w*\(/)
})

boundaries('the shared live flags map onto the source options (--request-timeout is in seconds)', () => {
  assert.equal(kubernetesOptionsFromFlags({context: 'prod', kubeconfig: '/k', 'request-timeout': 7}), {context: 'prod', kubeconfig: '/k', signal: undefined, timeoutMs: 7000})
})

boundaries.run()

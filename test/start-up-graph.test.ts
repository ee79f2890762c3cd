import {join} from 'node:path'

import {build, type Metafile} from 'esbuild'
import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {projectRoot} from './helpers/run-command.js'

/*
 * Every vpccni start evaluates the modules reachable from src/cli.ts through static imports (esbuild hoists them
 * into the bundle's top level). Large tables, the live-source stack (node:https, node:zlib, the SDK adapters), the
 * YAML parser and the table renderer must stay behind dynamic imports, or every command, max-pods included, pays for them.
 */
const HEAVY = [
  'src/data/cni-releases.generated.ts',
  'src/data/aws-node-baselines.generated.ts',
  'src/data/diff-reference.ts',
  'src/sources/live-cluster-source.ts',
  'src/sources/snapshot/replay-cluster-source.ts',
  'src/sources/kubernetes/kube-get.ts',
  'src/output/table.ts',
  'node_modules/yaml/',
  'node_modules/cli-table3/',
  'node_modules/chalk/',
]

async function staticGraph(): Promise<Set<string>> {
  const result = await build({
    bundle: true,
    entryPoints: [join(projectRoot, 'src/cli.ts')],
    external: ['@aws-sdk/*', '@kubernetes/client-node', 'typescript'],
    format: 'cjs',
    logLevel: 'silent',
    metafile: true,
    platform: 'node',
    write: false,
  })
  const inputs = (result.metafile as Metafile).inputs
  const seen = new Set<string>()
  const walk = (path: string): void => {
    if (seen.has(path) || !inputs[path]) return
    seen.add(path)
    for (const edge of inputs[path].imports) if (edge.kind !== 'dynamic-import') walk(edge.path)
  }

  walk('src/cli.ts')
  return seen
}

const test = suite('start-up: what every command evaluates')

test('heavy modules are reached only through dynamic imports', async () => {
  const reachable = [...(await staticGraph())]
  assert.ok(reachable.includes('src/commands/max-pods.ts'), 'the walk follows static imports')
  const loadedAtStart = HEAVY.filter((heavy) => reachable.some((path) => path.startsWith(heavy)))
  assert.equal(loadedAtStart, [])
})

test.run()

/**
 * npm run build: embed docs/checks.md (src/data/check-docs.generated.ts), bundle src/ with esbuild into dist/cli.cjs,
 * write oclif.manifest.json, generate man pages.
 *
 * One CommonJS file, because bin/run.cjs loads it with a V8 code cache (vm.Script), which Node 20 offers
 * for scripts and not for ES modules. A script loaded that way cannot use import(), so dynamic imports are
 * compiled to require(): our lazily loaded modules are inlined, and the SDKs stay external and are required
 * only by the code paths that need them.
 */
import {execFileSync} from 'node:child_process'
import {rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {build} from 'esbuild'

import {CHECK_DOCS_MODULE, writeCheckDocsModule} from './check-docs-data.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
rmSync(join(root, 'dist'), {force: true, recursive: true})
// The checks' documentation ships inside the bundle (docs/ is not in the package): never a stale copy of it.
if (writeCheckDocsModule(root)) console.error(`wrote ${CHECK_DOCS_MODULE} from docs/checks.md`)

await build({
  bundle: true,
  entryPoints: [join(root, 'src/cli.ts')],
  // typescript: @oclif/core can read a tsconfig in development; vpccni never needs it.
  external: ['@aws-sdk/*', '@kubernetes/client-node', 'typescript'],
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
  // Less to read and deserialize at every start; identifiers stay, so DEBUG stack traces still name functions.
  minifySyntax: true,
  minifyWhitespace: true,
  outfile: join(root, 'dist/cli.cjs'),
  platform: 'node',
  supported: {'dynamic-import': false},
  target: 'node20',
})

const env = {...process.env, OCLIF_SKIP_NEW_VERSION_CHECK: 'true'}
execFileSync(process.execPath, [join(root, 'node_modules/oclif/bin/run.js'), 'manifest'], {cwd: root, env, stdio: ['ignore', 'ignore', 'inherit']})
execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/generate-man.ts')], {cwd: root, env, stdio: 'inherit'})

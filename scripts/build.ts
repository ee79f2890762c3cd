/**
 * npm run build: bundle src/ with esbuild into dist/, write oclif.manifest.json, generate man pages.
 * SDKs stay external and are imported lazily by the code paths that need them.
 */
import {execFileSync} from 'node:child_process'
import {rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {build} from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
rmSync(join(root, 'dist'), {force: true, recursive: true})

await build({
  banner: {js: "import {createRequire as __vpccniCreateRequire} from 'node:module'; const require = __vpccniCreateRequire(import.meta.url);"},
  bundle: true,
  entryPoints: [join(root, 'src/cli.ts')],
  external: ['@aws-sdk/*', '@kubernetes/client-node', 'typescript'],
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  outdir: join(root, 'dist'),
  platform: 'node',
  splitting: true,
  target: 'node20',
})

const env = {...process.env, OCLIF_SKIP_NEW_VERSION_CHECK: 'true'}
execFileSync(process.execPath, [join(root, 'node_modules/oclif/bin/run.js'), 'manifest'], {cwd: root, env, stdio: ['ignore', 'ignore', 'inherit']})
execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/generate-man.ts')], {cwd: root, env, stdio: 'inherit'})

import {createRequire} from 'node:module'
import {join} from 'node:path'

import {build} from 'esbuild'
import {test} from 'uvu'
import * as assert from 'uvu/assert'

import {projectRoot} from '../helpers/run-command.js'

type Loader = () => Promise<object>

// Bundled as scripts/build.ts bundles: import() becomes require() inside a fresh copy of the module's exports at
// each call (~2.6 ms for client-ec2's ~5,000), which a loader that does not keep its module pays on every EC2 call.
test('the bundled SDK and client-node loaders hand out one module, not a copy of it per call', async () => {
  const bundled = await build({
    bundle: true,
    external: ['@aws-sdk/*', '@kubernetes/client-node'],
    format: 'cjs',
    logLevel: 'silent',
    platform: 'node',
    stdin: {
      contents: [
        "export {loadEc2} from './src/sources/ec2/create-ec2-client.js'",
        "export {loadEks} from './src/sources/eks/create-eks-client.js'",
        "export {loadClientNode} from './src/sources/kubernetes/load-client-node.js'",
      ].join('\n'),
      loader: 'ts',
      resolveDir: projectRoot,
    },
    supported: {'dynamic-import': false},
    target: 'node20',
    write: false,
  })
  // Evaluated as bin/run.cjs evaluates the bundle, with a require that finds the project's node_modules.
  const module = {exports: {} as Record<string, Loader>}
  new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(module, module.exports, createRequire(join(projectRoot, 'package.json')))
  for (const name of ['loadEc2', 'loadEks', 'loadClientNode']) {
    const [first, second] = [await module.exports[name](), await module.exports[name]()]
    assert.ok(first === second, `${name} gave a new copy of the module on its second call`)
  }
})

test.run()

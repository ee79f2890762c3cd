/** Writes test/fixtures/diff/*.yaml from ../shared/data/aws-k8s-cni.yaml (see test/fixtures/diff/build-fixtures.ts). */
import {writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {buildDiffFixtures, toKubectlYaml} from '../test/fixtures/diff/build-fixtures.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
for (const [name, object] of Object.entries(buildDiffFixtures(join(root, '../shared/data')))) {
  writeFileSync(join(root, 'test/fixtures/diff', `${name}.yaml`), toKubectlYaml(object))
}

console.error('wrote test/fixtures/diff/*.yaml')

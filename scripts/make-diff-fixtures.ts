/**
 * Writes test/fixtures/diff/*.yaml from ../shared/data/aws-k8s-cni.yaml (see test/fixtures/diff/build-fixtures.ts).
 * With --releases DIR it also writes, for each release the tests cover, a clean install and every user edit of
 * test/fixtures/diff/release-fixtures.ts, with and without managedFields, to try `vpccni diff -f` on by hand.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

import {buildDiffFixtures, toKubectlYaml} from '../test/fixtures/diff/build-fixtures.js'
import {EDITS, edited, FIXTURE_RELEASES, installed} from '../test/fixtures/diff/release-fixtures.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({options: {releases: {type: 'string'}}})
for (const [name, object] of Object.entries(buildDiffFixtures(join(root, '../shared/data')))) {
  writeFileSync(join(root, 'test/fixtures/diff', `${name}.yaml`), toKubectlYaml(object))
}

console.error('wrote test/fixtures/diff/*.yaml')
if (values.releases) {
  mkdirSync(values.releases, {recursive: true})
  for (const version of FIXTURE_RELEASES) {
    writeFileSync(join(values.releases, `${version}-clean.yaml`), toKubectlYaml(installed(version)))
    for (const edit of Object.keys(EDITS)) {
      writeFileSync(join(values.releases, `${version}-${edit}.yaml`), toKubectlYaml(edited(version, edit)))
      writeFileSync(join(values.releases, `${version}-${edit}-no-managed-fields.yaml`), toKubectlYaml(edited(version, edit, {managedFields: false})))
    }
  }

  console.error(`wrote ${FIXTURE_RELEASES.length * (1 + 2 * Object.keys(EDITS).length)} DaemonSets to ${values.releases}`)
}

import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {openClusterSource} from '../../../src/sources/open-cluster-source.js'
import {SNAPSHOT_CALLS} from '../../../src/sources/snapshot/snapshot-format.js'
import {readSnapshotIndex} from '../../../src/sources/snapshot/read-snapshot.js'
import {summarizeSnapshot} from '../../../src/sources/snapshot/snapshot-summary.js'
import {projectRoot} from '../../helpers/run-command.js'
import {questions} from './snapshot-questions.js'
import {findForbidden, forbiddenTexts} from './snapshot-secrets.js'

const test = suite('examples/snapshot (scripts/make-example-snapshot.ts) still replays, and holds no credential')
const dir = join(projectRoot, 'examples/snapshot')

test('every call answers from the committed example', async () => {
  const index = readSnapshotIndex(dir)
  const {captured, failed, noted} = summarizeSnapshot(index)
  assert.equal([failed, noted], [[], []])
  assert.equal(captured.map(({call}) => call), [...SNAPSHOT_CALLS])
  const source = await openClusterSource({'from-dir': dir, 'request-timeout': 10})
  const nodes = await source.listNodes()
  assert.is(nodes.length, 3)
  for (const [call, asks] of Object.entries(questions(index, nodes[0].name))) {
    for (const ask of asks) {
      const answer = (await ask(source)) as {available?: boolean}
      assert.ok(answer !== null && answer.available !== false, `${call} answers`)
    }
  }

  assert.equal(source.origin.kind, 'snapshot')
  assert.ok((await source.describeInstances(nodes.map((node) => node.instanceId!))).length === 3, 'nodes and instances match')
})

test('no kubeconfig user, token, certificate or AWS credential is in it', () => {
  const generic = ['client-key', 'client-certificate', 'BEGIN ', '"user"', 'AKIA', 'aws_secret', 'x-amz-security-token']
  assert.equal(findForbidden(dir, [...forbiddenTexts(), ...generic]), [])
})

test.run()

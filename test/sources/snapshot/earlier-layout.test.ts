import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {openClusterSource} from '../../../src/sources/open-cluster-source.js'
import type {PodSummary} from '../../../src/sources/kubernetes/types.js'
import {projectRoot} from '../../helpers/run-command.js'

const test = suite('a snapshot taken when the kube-system pods were a list of their own (listSystemPods.json) replays the same')
const work = mkdtempSync(join(tmpdir(), 'vpccni-earlier-snapshot-'))
test.after(() => rmSync(work, {force: true, recursive: true}))

/** examples/snapshot as an earlier vpccni wrote it: the pods without `system`, their health in listSystemPods.json. */
function earlierLayout(): string {
  const dir = join(work, 'earlier')
  cpSync(join(projectRoot, 'examples/snapshot'), dir, {recursive: true})
  const pods = JSON.parse(readFileSync(join(dir, 'listPods.json'), 'utf8')) as PodSummary[]
  const system = pods.flatMap((pod) => pod.system ?? [])
  writeFileSync(join(dir, 'listPods.json'), JSON.stringify(pods.map(({system: _system, ...pod}) => pod)))
  writeFileSync(join(dir, 'listSystemPods.json'), JSON.stringify(system))
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {calls: Record<string, unknown>}
  index.calls.listSystemPods = {args: {}, count: system.length, file: 'listSystemPods.json', note: null, ok: true}
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index))
  return dir
}

test('its pods carry the kube-system health as a new snapshot holds it, for every node too', async () => {
  const now = await openClusterSource({'from-dir': join(projectRoot, 'examples/snapshot'), 'request-timeout': 10})
  const earlier = await openClusterSource({'from-dir': earlierLayout(), 'request-timeout': 10})
  const pods = await now.listPods()
  assert.ok(pods.filter((pod) => pod.system).length > 0, 'the example has kube-system pods')
  assert.equal(await earlier.listPods(), pods)
  const node = pods[0].nodeName!
  assert.equal(await earlier.listPods({nodeName: node}), await now.listPods({nodeName: node}))
})

test.run()

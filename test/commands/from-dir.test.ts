import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Compat from '../../src/commands/compat.js'
import Diff from '../../src/commands/diff.js'
import Plan from '../../src/commands/plan.js'
import Snapshot from '../../src/commands/snapshot.js'
import UpgradePlan from '../../src/commands/upgrade-plan.js'
import WarmTargets from '../../src/commands/warm-targets.js'
import {type ClusterLab, startClusterLab} from '../lab/cluster-lab.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('every live command gives the same result from a snapshot (--from-dir) as live')
let lab: ClusterLab
let dir: string

test.before(async () => {
  lab = await startClusterLab({
    kube: {awsNode: {env: {WARM_ENI_TARGET: '1'}, imageTag: 'v1.20.5-eksbuild.2', userEnv: {WARM_IP_TARGET: '5'}}},
  })
  dir = join(mkdtempSync(join(tmpdir(), 'vpccni-from-dir-')), 'snapshot')
  const taken = await runCommand(Snapshot, ['-o', dir, ...lab.flags])
  assert.is(taken.exitCode, 0, taken.stderr)
})

test.after(async () => {
  await lab.stop()
})

/** The origin of the facts differs by design (cluster vs snapshot); everything else must not. */
function withoutOrigin(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, v) => (key === 'origin' || key === 'live' ? undefined : v))
}

const commands: Array<[string, {run(argv: string[], opts: string): Promise<unknown>}, () => string[]]> = [
  ['compat', Compat, () => []],
  ['upgrade-plan', UpgradePlan, () => []],
  ['upgrade-plan --kubernetes-target 1.32', UpgradePlan, () => ['--kubernetes-target', '1.32']],
  ['diff', Diff, () => []],
  ['plan --from-cluster', Plan, () => ['--from-cluster']],
  ['warm-targets --subnet', WarmTargets, () => ['--instance-type', 'm5.large', '--pods', '10', '--subnet', lab.scenario.subnets[0].subnetId]],
]

for (const [name, command, argv] of commands) {
  test(`${name}: live and --from-dir agree`, async () => {
    const live = await runCommand(command, [...argv(), ...lab.flags, '--json'])
    const replayed = await runCommand(command, [...argv(), '--from-dir', dir, '--json'])
    assert.is(live.exitCode, replayed.exitCode, `${live.stderr}\n${replayed.stderr}`)
    assert.ok(live.stdout.length > 0, live.stderr)
    assert.equal(withoutOrigin(JSON.parse(replayed.stdout)), withoutOrigin(JSON.parse(live.stdout)))
  })
}

test('warm-targets --subnet from a snapshot names the snapshot as the source of the count, not live EC2', async () => {
  const replayed = await runCommand<{subnet: {origin: string}}>(WarmTargets, ['--instance-type', 'm5.large', '--pods', '10', '--subnet', lab.scenario.subnets[0].subnetId, '--from-dir', dir, '--json'])
  assert.is(replayed.result!.subnet.origin, `EC2 DescribeSubnets as recorded in the snapshot ${dir}`)
})

test('replaying asks the network nothing', async () => {
  const kubeBefore = lab.kube.requests.length
  const ec2Before = lab.aws.ec2Requests().length
  const eksBefore = lab.aws.eks.requests.length
  for (const [, command, argv] of commands) await runCommand(command, [...argv(), '--from-dir', dir, '--json'])
  assert.is(lab.kube.requests.length, kubeBefore)
  assert.is(lab.aws.ec2Requests().length, ec2Before)
  assert.is(lab.aws.eks.requests.length, eksBefore)
})

test.run()

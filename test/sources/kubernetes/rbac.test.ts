import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {SourceError} from '../../../src/errors.js'
import {createKubernetesSource, KUBE_CALLS, type KubeCallName, type KubernetesSource} from '../../../src/sources/kubernetes/index.js'
import {projectRoot} from '../../helpers/run-command.js'
import {type KubeLab, startKubeLab} from '../../lab/kube-lab.js'
import {parseClusterRole, type PolicyRule, rulesAllow} from '../../lab/rbac.js'
import {describePermission} from '../../lab/request-info.js'
import {buildLabCluster} from '../../lab/scenario.js'

const roleText = readFileSync(join(projectRoot, 'docs/rbac.yaml'), 'utf8')
const role = parseClusterRole(roleText)
const rbac = suite<{lab: KubeLab; source: KubernetesSource}>('the documented ClusterRole', {} as never)

rbac.before(async (context) => {
  context.lab = await startKubeLab(buildLabCluster({
    eniConfigs: [{name: 'us-west-2a', securityGroups: ['sg-1'], subnet: 'subnet-1'}],
    nodeGroups: [{count: 2, instanceType: 'm5.large', podsPerNode: 2}],
    sandboxFailures: [{namespace: 'default', nodeName: 'ip-10-0-0-10.us-west-2.compute.internal', podName: 'web-1'}],
  }).state)
  context.source = await createKubernetesSource({kubeconfig: context.lab.kubeconfig})
})

rbac.before.each(({lab}) => {
  lab.requests.length = 0
})

rbac.after(async ({lab, source}) => {
  source.close()
  await lab.stop()
})

/** Every call the source has, once each; the answer per call, or the SourceError it failed with. */
async function callEverything(source: KubernetesSource): Promise<Map<KubeCallName, unknown>> {
  const outcomes = new Map<KubeCallName, unknown>()
  for (const name of Object.keys(KUBE_CALLS) as KubeCallName[]) {
    const call = name === 'listPods' ? () => source.listPods({nodeName: 'ip-10-0-0-10.us-west-2.compute.internal'}) : source[name]
    outcomes.set(name, await call().catch((error: unknown) => error))
  }

  return outcomes
}

rbac('the README shows docs/rbac.yaml verbatim under ## Permissions', () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## Permissions'), readme.indexOf('\n## ', readme.indexOf('## Permissions') + 1))
  assert.ok(section.includes(`\`\`\`yaml\n${roleText}\`\`\``), 'README ## Permissions must embed docs/rbac.yaml exactly')
})

rbac('the role grants only get and list, and no Secrets', () => {
  assert.equal([...new Set(role.flatMap((r) => r.verbs))].sort(), ['get', 'list'])
  assert.not.ok(role.some((r) => r.resources?.includes('secrets') || r.resources?.includes('*')))
})

rbac('enforced by the lab, the role is enough: every call succeeds and every request is one it allows', async ({lab, source}) => {
  lab.rbac = role
  const outcomes = await callEverything(source)
  lab.rbac = undefined
  for (const [name, outcome] of outcomes) assert.not.instance(outcome, Error, `${name} failed: ${(outcome as Error)?.message}`)
  assert.ok(lab.requests.length >= Object.keys(KUBE_CALLS).length)
  assert.equal(lab.requests.filter((r) => r.status !== 200 || !rulesAllow(role, r.info)), [])
  assert.equal(lab.requests.filter((r) => r.method !== 'GET'), [], 'read-only')
})

rbac('each call names the permission its requests need (KUBE_CALLS = what the API server checks)', async ({lab, source}) => {
  for (const name of Object.keys(KUBE_CALLS) as KubeCallName[]) {
    lab.requests.length = 0
    await (name === 'listPods' ? source.listPods() : source[name]())
    const permissions = [...new Set(lab.requests.map((r) => describePermission(r.info)))]
    assert.equal(permissions, [KUBE_CALLS[name].permission], name)
  }
})

/** The role with one grant taken out: one resource (or URL) of one rule. */
function without(rules: PolicyRule[], index: number, item: string): PolicyRule[] {
  return rules
    .map((rule, i) => {
      if (i !== index) return rule
      const key = rule.nonResourceURLs ? 'nonResourceURLs' : 'resources'
      return {...rule, [key]: rule[key]!.filter((value) => value !== item)}
    })
    .filter((rule) => (rule.resources ?? rule.nonResourceURLs ?? []).length > 0)
}

/** The calls whose permission is on this resource (`list events`: the sandbox failures and the Warning events). */
const callsOn = (item: string): KubeCallName[] =>
  (Object.keys(KUBE_CALLS) as KubeCallName[]).filter((name) => KUBE_CALLS[name].permission.split(' ')[1].split('.')[0] === item).sort()

rbac('the role is minimal: without any one grant, exactly the calls that need it fail, naming that permission', async ({lab, source}) => {
  for (const [index, rule] of role.entries()) {
    for (const item of rule.resources ?? rule.nonResourceURLs ?? []) {
      lab.rbac = without(role, index, item)
      const outcomes = await callEverything(source)
      lab.rbac = undefined
      const failed = [...outcomes].filter(([, outcome]) => outcome instanceof Error) as Array<[KubeCallName, SourceError]>
      assert.equal(failed.map(([n]) => n).sort(), callsOn(item), `removing ${item}`)
      assert.ok(failed.length > 0, `removing ${item}: nothing failed`)
      for (const [name, error] of failed) {
        assert.instance(error, SourceError)
        assert.is(error.exitCode, 3)
        assert.is(error.permission, KUBE_CALLS[name].permission)
        assert.ok(error.permission!.includes(item === '/version' ? '/version' : item), `${item} → ${error.permission}`)
      }
    }
  }
})

rbac('read-only: no request but GET reached the lab', ({lab}) => {
  assert.equal(lab.writes, [])
})

rbac.run()

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {installed} from '../fixtures/diff/release-fixtures.js'
import {CLUSTER_LAB_NAME, type ClusterLab, type ClusterLabSpec, startClusterLab} from '../lab/cluster-lab.js'
import {healthyEc2, prefixHealthyCluster, strictPolicyCluster} from '../lab/doctor-scenarios.js'
import {doctorOn, healthy, onlyFires, silent} from '../helpers/doctor-scenario.js'

const awsNodePod = (index: number): string => lab.cluster.pods.filter((p) => p.app === 'aws-node')[index].name
const addon = (): Record<string, unknown> => lab.aws.eks.state.addons[CLUSTER_LAB_NAME]['vpc-cni']

const test = suite('doctor health and mode checks: the healthy cluster plus one planted change each')
let lab: ClusterLab

test.before(async () => {
  lab = await startClusterLab(healthy())
})

test.after(async () => {
  await lab.stop()
})

/** A cluster doctor must pass: no finding above info, exit 0, every check ran. */
async function assertCleanOn(scenario: ClusterLabSpec): Promise<void> {
  await lab.rebuild(scenario)
  const {doc, exitCode} = await doctorOn(lab)
  silent(doc)
  assert.is(exitCode, 0)
  assert.equal(doc.notChecked, [])
}

test('the healthy cluster: no finding above info, every check ran', async () => {
  await assertCleanOn(healthy())
})

test('CNI010: two of six aws-node pods unavailable, above maxUnavailable 10% (1)', async () => {
  await lab.rebuild({...healthy(), kube: {health: {awsNodePods: {0: {ready: false}, 2: {ready: false}}}}})
  const ds = lab.kube.state.objects.get('daemonsets')![0] as {status: Record<string, number>}
  Object.assign(ds.status, {numberAvailable: 4, numberReady: 4, numberUnavailable: 2})
  const [finding] = onlyFires((await doctorOn(lab)).doc, 'CNI010')
  assert.equal(finding.resource, {kind: 'DaemonSet', name: 'aws-node', namespace: 'kube-system'})
  assert.is(finding.severity, 'error')
  assert.is(finding.evidence.unavailable, 2)
  assert.is(finding.evidence.allowedUnavailable, 1)
  assert.is(finding.evidence.maxUnavailable, '10%')
  assert.equal(finding.evidence.notReadyNodes, [lab.cluster.nodes[0].name, lab.cluster.nodes[2].name])
})

test('CNI010: one aws-node pod on another image, one restarting 12 times: two warnings', async () => {
  const old = '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.22.0'
  await lab.rebuild({...healthy(), kube: {health: {awsNodePods: {1: {images: {'aws-node': old}}, 2: {restarts: 12}}}}})
  const findings = onlyFires((await doctorOn(lab)).doc, 'CNI010')
  assert.is(findings.length, 2)
  const [mixed, restarts] = findings
  assert.is(mixed.severity, 'warning')
  assert.equal(mixed.evidence.containers, ['aws-node'])
  assert.ok((mixed.evidence.images as string[]).includes(`aws-node ${old} 1`))
  assert.is(restarts.evidence.maxRestarts, 12)
  assert.equal(restarts.evidence.nodes, [lab.cluster.nodes[2].name])
})

test('CNI011: v1.11.4, installed by EKS, on Kubernetes 1.31: incompatible (below v1.12.0 on 1.26+), one error for every floor', async () => {
  await lab.rebuild({...healthy(), kube: {health: {daemonSet: installed('v1.11.4')}}})
  const findings = onlyFires((await doctorOn(lab)).doc, 'CNI011')
  assert.is(findings.length, 1, 'one version problem, one finding')
  const [crash] = findings
  assert.equal(crash.evidence.rules, ['k8s-1.26-needs-1.12', 'kubernetes-minimum', 'eks-recommended'])
  assert.is(crash.severity, 'error')
  assert.equal(crash.resource, {kind: 'DaemonSet', name: 'aws-node', namespace: 'kube-system'})
  assert.is(crash.evidence.cniVersion, 'v1.11.4')
  assert.is(crash.evidence.kubernetesVersion, '1.31')
})

test('CNI011: v1.20.4 on Kubernetes 1.31: below the EKS-recommended v1.21.1-eksbuild.8, a warning', async () => {
  await lab.rebuild({...healthy(), kube: {health: {daemonSet: installed('v1.20.4')}}})
  const findings = onlyFires((await doctorOn(lab)).doc, 'CNI011')
  const below = findings.find((f) => f.evidence.rule === 'eks-recommended')!
  assert.is(below.severity, 'warning')
  assert.is(below.evidence.recommendedAddon, 'v1.21.1-eksbuild.8')
  assert.ok(findings.every((f) => f.severity === 'warning'))
})

test('CNI011: v1.15.1 on Kubernetes 1.31: below the oldest recommended v1.16.4 and the EKS-recommended add-on, one warning', async () => {
  await lab.rebuild({...healthy(), kube: {health: {daemonSet: installed('v1.15.1')}}})
  const findings = onlyFires((await doctorOn(lab)).doc, 'CNI011').filter((f) => !String(f.evidence.rule).startsWith('known-'))
  assert.equal(findings.map((f) => [f.severity, f.evidence.rules]), [['warning', ['kubernetes-minimum', 'eks-recommended']]])
})

test('CNI012: the log level changed with kubectl set env on the EKS add-on: contested, a warning naming the path; the remedy names the cluster', async () => {
  await lab.rebuild({...healthy(), kube: {awsNode: {userEnv: {AWS_VPC_K8S_CNI_LOGLEVEL: 'INFO'}}}})
  const [finding] = onlyFires((await doctorOn(lab)).doc, 'CNI012')
  assert.is(finding.severity, 'warning')
  assert.is(finding.evidence.effect, 'contested')
  assert.is(finding.evidence.path, '.spec.template.spec.containers[name="aws-node"].env[name="AWS_VPC_K8S_CNI_LOGLEVEL"].value')
  assert.is(finding.evidence.current, 'INFO')
  assert.is(finding.evidence.default, 'DEBUG')
  // The schema has the key, so diff's remedy has a command; doctor knows the cluster's name from the kubeconfig context.
  assert.match(finding.remedy, /^keep it through the add-on instead: aws eks update-addon --cluster-name lab --addon-name vpc-cni /)
  assert.match(finding.remedy, /"AWS_VPC_K8S_CNI_LOGLEVEL":"INFO"/)
})

test('CNI012: the aws-node image set with kubectl set image: contested, and the remedy says the version is chosen with --addon-version', async () => {
  const image = '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.22.4'
  await lab.rebuild({...healthy(), kube: {awsNode: {userImage: image}}})
  const [finding] = onlyFires((await doctorOn(lab)).doc, 'CNI012')
  assert.equal([finding.severity, finding.evidence.effect, finding.evidence.current], ['warning', 'contested', image])
  assert.match(finding.remedy, /^configurationValues cannot carry it: the add-on schema has no image key: .*aws eks update-addon --addon-version/)
})

test('CNI013: WARM_IP_TARGET=2 set by hand without MINIMUM_IP_TARGET: the lint, a warning', async () => {
  await lab.rebuild({...healthy(), kube: {awsNode: {userEnv: {WARM_IP_TARGET: '2'}}}})
  const [finding] = onlyFires((await doctorOn(lab)).doc, 'CNI013')
  assert.is(finding.severity, 'warning')
  assert.is(finding.evidence.lint, 'warm-ip-without-minimum')
  assert.is(finding.evidence.path, '.spec.template.spec.containers[name="aws-node"].env[name="WARM_IP_TARGET"]')
})

test('CNI014: the add-on DEGRADED with an InsufficientNumberOfReplicas issue: an error with its code and resources', async () => {
  await lab.rebuild(healthy())
  Object.assign(addon(), {health: {issues: [{code: 'InsufficientNumberOfReplicas', message: 'The add-on is unhealthy because it doesn\'t have the desired number of replicas.', resourceIds: ['aws-node']}]}, status: 'DEGRADED'})
  const [finding] = onlyFires((await doctorOn(lab)).doc, 'CNI014')
  assert.is(finding.severity, 'error')
  assert.equal(finding.resource, {kind: 'Addon', name: 'vpc-cni'})
  assert.is(finding.evidence.code, 'InsufficientNumberOfReplicas')
  assert.is(finding.evidence.status, 'DEGRADED')
  assert.equal(finding.evidence.resourceIds, ['aws-node'])
})

test('CNI015: MissingIAMPermissions events on an aws-node pod: an error naming the EC2 action and the node', async () => {
  await lab.rebuild({...healthy(), kube: {health: {warningEvents: [{
    count: 4, message: 'Unauthorized operation: failed to call ec2:CreateNetworkInterface due to missing permissions. Please refer https://github.com/aws/amazon-vpc-cni-k8s/blob/master/docs/iam-policy.md to attach relevant policy to IAM role',
    nodeName: 'NODE', podName: 'POD', reason: 'MissingIAMPermissions', reporter: 'aws-node',
  }]}}})
  const event = (lab.kube.state.objects.get('events') as Array<Record<string, any>>).at(-1)!
  Object.assign(event, {involvedObject: {kind: 'Pod', name: awsNodePod(1), namespace: 'kube-system'}, source: {component: 'aws-node', host: lab.cluster.nodes[1].name}})
  const [finding] = onlyFires((await doctorOn(lab)).doc, 'CNI015')
  assert.is(finding.severity, 'error')
  assert.equal(finding.evidence.actions, ['ec2:CreateNetworkInterface'])
  assert.equal(finding.evidence.nodes, [lab.cluster.nodes[1].name])
  assert.is(finding.evidence.events, 4)
  assert.match(finding.remedy, /AmazonEKSVPCCNIRole/)
})

test('CNI015: no IRSA role and no Pod Identity: info only, the healthy cluster stays quiet', async () => {
  await lab.rebuild(healthy())
  addon().serviceAccountRoleArn = undefined
  const {doc} = await doctorOn(lab)
  silent(doc)
  const notes = doc.findings.filter((f) => f.id === 'CNI015')
  assert.is(notes.length, 1)
  assert.is(notes[0].severity, 'info')
  assert.equal(notes[0].resource, {kind: 'ServiceAccount', name: 'aws-node', namespace: 'kube-system'})
})

test('CNI016: the ng-small node launched with IMDS disabled: an error for its node group', async () => {
  const ec2 = healthyEc2()
  ec2.nodes[5].metadataOptions = {HttpEndpoint: 'disabled'}
  await lab.rebuild({...healthy(), ec2})
  const [finding] = onlyFires((await doctorOn(lab)).doc, 'CNI016')
  assert.is(finding.severity, 'error')
  assert.equal(finding.resource, {kind: 'NodeGroup', name: 'ng-small'})
  assert.is(finding.evidence.httpEndpoint, 'disabled')
  assert.equal(finding.evidence.nodes, [lab.cluster.nodes[5].name])
})

test('CNI017: a node that runs aws-node without kube-proxy, another with kube-proxy not Ready: two errors', async () => {
  await lab.rebuild({...healthy(), kube: {health: {kubeProxyMissing: [0], kubeProxyNotReady: [2]}}})
  const findings = onlyFires((await doctorOn(lab)).doc, 'CNI017')
  assert.equal(findings.map((f) => [f.evidence.kubeProxy, f.evidence.nodes]), [['missing', [lab.cluster.nodes[0].name]], ['not Ready', [lab.cluster.nodes[2].name]]])
  assert.ok(findings.every((f) => f.severity === 'error'))
})

test('CNI020: prefix delegation on, the ng-small node still on secondary IPs: a warning for its node group', async () => {
  const spec = prefixHealthyCluster()
  spec.ec2!.nodes[5] = {...spec.ec2!.nodes[5], enis: [{secondaryIps: 5}, {secondaryIps: 5}]}
  await lab.rebuild(spec)
  const [finding] = onlyFires((await doctorOn(lab)).doc, 'CNI020')
  assert.is(finding.severity, 'warning')
  assert.equal(finding.resource, {kind: 'NodeGroup', name: 'ng-small'})
  assert.equal([finding.evidence.problem, finding.evidence.secondaryIps, finding.evidence.nodes], ['secondary-ips', 10, [lab.cluster.nodes[5].name]])
})

/** Custom networking by zone label, max-pods as custom networking allows (primary ENI unused): m5.large 20, c5.xlarge 44, t3.medium 12. */
function customNetworking(zones: string[]): ClusterLabSpec {
  const spec = healthy()
  spec.kube = {
    awsNode: {env: {AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true', ENI_CONFIG_LABEL_DEF: 'topology.kubernetes.io/zone'}},
    eniConfigs: zones.map((zone) => ({name: zone, securityGroups: ['sg-0123456789abcdef0'], subnet: `SUBNET:${zone}`})),
  }
  spec.nodeSettings = [20, 20, 44, 44, 44, 12].map((maxPods) => ({maxPods}))
  return spec
}

test('CNI021: custom networking on, no ENIConfig for us-west-2c: an error for ng-compute', async () => {
  const spec = customNetworking(['us-west-2a', 'us-west-2b'])
  await lab.rebuild(spec)
  for (const config of lab.kube.state.objects.get('eniconfigs') as Array<{metadata: {name: string}; spec: {subnet: string}}>) {
    config.spec.subnet = lab.scenario.subnets.find((s) => s.availabilityZone === config.metadata.name)!.subnetId
  }

  const [finding] = onlyFires((await doctorOn(lab)).doc, 'CNI021')
  assert.is(finding.severity, 'error')
  assert.equal(finding.resource, {kind: 'NodeGroup', name: 'ng-compute'})
  assert.equal([finding.evidence.problem, finding.evidence.eniConfig, finding.evidence.nodeCount], ['missing', 'us-west-2c', 3])
})

test('CNI022: security groups for pods on, no node has a trunk ENI: an error per trunk-capable node group', async () => {
  await lab.rebuild({...healthy(), kube: {awsNode: {env: {ENABLE_POD_ENI: 'true'}}}, nodeSettings: [20, 20, 44, 44, 44, 12].map((maxPods) => ({maxPods}))})
  const findings = onlyFires((await doctorOn(lab)).doc, 'CNI022')
  assert.ok(findings.every((f) => f.severity === 'error'))
  const byGroup = Object.fromEntries(findings.map((f) => [f.resource.name, f.evidence.nodeCount]))
  assert.is(byGroup['ng-general'], 2)
  assert.is(byGroup['ng-compute'], 3)
})

test('CNI023: a NetworkPolicy exists, the node agent does not enforce policies: an error', async () => {
  await lab.rebuild({...healthy(), kube: {health: {networkPolicies: [{name: 'deny-all', namespace: 'payments'}]}}})
  const [finding] = onlyFires((await doctorOn(lab)).doc, 'CNI023')
  assert.is(finding.severity, 'error')
  assert.equal([finding.evidence.networkPolicies, finding.evidence.policies, finding.evidence.agentEnforces], [1, ['payments/deny-all'], false])
})

test('CNI023: strict mode, the agent enforcing, every running pod selected by a policy (matchLabels, matchExpressions, {}): silent', async () => {
  await assertCleanOn(strictPolicyCluster())
})

test('CNI023: strict mode and one running pod no policy selects (a canary relabelled by hand): one warning, counted by namespace', async () => {
  await lab.rebuild(strictPolicyCluster())
  const canary = (lab.kube.state.objects.get('pods') as Array<Record<string, any>>).find((p) => p.metadata.labels.app === 'web')!
  canary.metadata.labels = {app: 'web-canary', 'pod-template-hash': '7c9d5e1f2'}
  const [finding] = onlyFires((await doctorOn(lab)).doc, 'CNI023')
  assert.is(finding.severity, 'warning')
  assert.equal(finding.resource, {kind: 'DaemonSet', name: 'aws-node', namespace: 'kube-system'})
  assert.equal([finding.evidence.enforcingMode, finding.evidence.unselectedPods, finding.evidence.namespaces, finding.evidence.pods], ['strict', 1, ['default: 1'], [`default/${canary.metadata.name}`]])
  assert.match(finding.message, /^NETWORK_POLICY_ENFORCING_MODE=strict, and 1 running pod in 1 namespace \(default: 1\) no NetworkPolicy selects: they are default-deny/)
})

test('CNI024: an IPv6 cluster whose aws-node has IPv6 off: an error', async () => {
  await lab.rebuild(healthy())
  ;(lab.aws.eks.state.clusters[CLUSTER_LAB_NAME].kubernetesNetworkConfig as Record<string, unknown>).ipFamily = 'ipv6'
  const [finding] = onlyFires((await doctorOn(lab)).doc, 'CNI024')
  assert.is(finding.severity, 'error')
  assert.equal([finding.evidence.clusterIpFamily, finding.evidence.enableIpv6], ['ipv6', false])
})

test('CNI030: pods failing on one node because ipamd does not answer: an error for that node, classified', async () => {
  await lab.rebuild({...healthy(), kube: {sandboxFailures: [0, 1].map((i) => ({
    message: `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "abc${i}": plugin type="aws-cni" name="aws-cni" failed (add): add cmd: Error received from AddNetwork gRPC call: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 127.0.0.1:50051: connect: connection refused"`,
    namespace: 'shop', nodeName: 'NODE', podName: `cart-${i}`,
  }))}})
  for (const event of lab.kube.state.objects.get('events') as Array<Record<string, any>>) {
    if (event.reason === 'FailedCreatePodSandBox') Object.assign(event, {reportingInstance: lab.cluster.nodes[3].name, source: {component: 'kubelet', host: lab.cluster.nodes[3].name}})
  }

  const [finding] = onlyFires((await doctorOn(lab)).doc, 'CNI030')
  assert.is(finding.severity, 'error')
  assert.equal(finding.resource, {kind: 'Node', name: lab.cluster.nodes[3].name})
  assert.equal([finding.evidence.cause, finding.evidence.podsFailing, finding.evidence.events], ['ipamd-down', 2, 6])
})

test('CNI030: no free address on a node whose subnet CNI004 finds out of addresses is linked to CNI004; on a node of a roomy subnet it is not', async () => {
  const spec = healthy()
  // Another service holds 151 addresses of ng-compute's /24: 10 left, fewer than one more ng-compute node takes.
  spec.ec2!.looseEnis = [{kind: 'other', secondaryIps: 150, subnet: 2}]
  spec.kube = {sandboxFailures: [{namespace: 'shop', nodeName: 'NODE', podName: 'cart-0'}, {namespace: 'default', nodeName: 'NODE', podName: 'web-0'}]}
  await lab.rebuild(spec)
  const [compute, general] = [lab.cluster.nodes[2].name, lab.cluster.nodes[0].name]
  const failures = (lab.kube.state.objects.get('events') as Array<Record<string, any>>).filter((e) => e.reason === 'FailedCreatePodSandBox')
  for (const [i, host] of [compute, general].entries()) Object.assign(failures[i], {reportingInstance: host, source: {component: 'kubelet', host}})
  const {doc} = await doctorOn(lab)
  const runway = doc.findings.filter((f) => f.id === 'CNI004')
  assert.equal(runway.map((f) => [f.severity, f.resource.name]), [['error', lab.scenario.subnets[2].subnetId]])
  const sandbox = Object.fromEntries(doc.findings.filter((f) => f.id === 'CNI030').map((f) => [f.resource.name, [f.evidence.cause, f.evidence.explainedBy]]))
  assert.equal(sandbox, {[compute]: ['no-ip', ['CNI004']], [general]: ['no-ip', []]})
  assert.match(doc.findings.find((f) => f.id === 'CNI030' && f.resource.name === compute)!.message, /no free IP address on the node \(see CNI004\)$/)
})

test('CNI031: a node with NetworkingReady=False (IPAMDNotReady) and the agent\'s IPAMDNoIPs event: an error and a warning', async () => {
  await lab.rebuild({...healthy(), kube: {health: {
    nodeConditions: {4: [{message: 'IPAMD is not ready', reason: 'IPAMDNotReady', status: 'False', type: 'NetworkingReady'}]},
    warningEvents: [{message: 'IPAMD has no available IP addresses', nodeName: 'NODE', reason: 'IPAMDNoIPs', reporter: 'eks-node-monitoring-agent'}],
  }}})
  const event = (lab.kube.state.objects.get('events') as Array<Record<string, any>>).at(-1)!
  Object.assign(event, {involvedObject: {kind: 'Node', name: lab.cluster.nodes[1].name}, source: {component: 'eks-node-monitoring-agent', host: lab.cluster.nodes[1].name}})
  const [condition, agent] = onlyFires((await doctorOn(lab)).doc, 'CNI031')
  assert.equal([condition.severity, condition.resource, condition.evidence.reason, condition.evidence.nodes], ['error', {kind: 'NodeGroup', name: 'ng-compute'}, 'IPAMDNotReady', [lab.cluster.nodes[4].name]])
  assert.equal([agent.severity, agent.evidence.reason, agent.evidence.nodes], ['warning', 'IPAMDNoIPs', [lab.cluster.nodes[1].name]])
})

test.run()

// The size of doctor's JUnit report for a 5,000-node cluster (node --import tsx bench/doctor-junit.ts [NODES]): node checks
// have a testcase per node group (README, junit); this prints that, and what a testcase per node would weigh instead.
import {examinedResources} from '../src/core/doctor/examined-resources.js'
import {runChecks} from '../src/core/doctor/run-checks.js'
import {renderDoctorJunit} from '../src/output/doctor-junit.js'
import {awsNode, inputWith, node} from '../test/core/doctor/doctor-fixture.js'

const count = Number(process.argv[2] ?? 5000)
const groups = ['ng-general', 'ng-compute', 'ng-small', 'ng-gpu', 'ng-spot']
const nodes = Array.from({length: count}, (_, i) => node(String(i).padStart(4, '0'), 'm5.large', 29, groups[i % groups.length]))

function junit(label: string, withGroups: boolean): void {
  const listed = withGroups ? nodes : nodes.map((n) => ({...n, labels: {}}))
  // Every read answered (empty where the node checks need no more), so every check runs.
  const input = inputWith({
    addon: null, addonConfiguration: null, awsNode: awsNode(), awsNodeServiceAccount: null, cidrReservations: [], cniConfigMap: null,
    eksCluster: {ipFamily: 'ipv4', kubernetesVersion: '1.31', name: 'lab', subnetIds: []}, eniConfigs: null, instances: [], networkInterfaces: [],
    networkPolicies: null, nodeGroups: [], nodes: listed, pods: [], sandboxFailures: [], serverVersion: {gitVersion: 'v1.31.4', major: '1', minor: '31'},
    subnets: [], systemPods: [], warningEvents: [],
  })
  const report = runChecks(input, {only: [], severity: {}, skip: []})
  const run = {durationSeconds: 0, examined: examinedResources(input, report.checked), overrides: {}, report, runway: [], startedAt: input.facts.now}
  const xml = renderDoctorJunit([{context: 'lab', run}], 'error')
  const cases = xml.match(/<testcase /g)?.length ?? 0
  console.log(`${label}: ${report.checked.length} checks run, ${cases.toLocaleString('en-US')} testcases, ${(Buffer.byteLength(xml) / 1024).toFixed(0)} KiB`)
}

console.log(`${count.toLocaleString('en-US')} nodes in ${groups.length} node groups`)
junit('a testcase per node group (as shipped)', true)
junit('a testcase per node (the nodes in no group)', false)

import {readFileSync} from 'node:fs'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'
import {parse} from 'yaml'

import {readEksctlClusterConfig} from '../../../src/core/plan/eksctl-cluster-config.js'
import {UserError} from '../../../src/errors.js'
import {projectRoot} from '../../helpers/run-command.js'

const test = suite('plan -f: what an eksctl ClusterConfig says about node groups, subnets and aws-node settings')
const read = (name: string) => readEksctlClusterConfig(parse(readFileSync(`${projectRoot}/test/fixtures/plan/${name}`, 'utf8')), parse, name)
const config = (doc: Record<string, unknown>) => readEksctlClusterConfig({apiVersion: 'eksctl.io/v1alpha5', kind: 'ClusterConfig', ...doc}, parse, 'x.yaml')

test('managed node groups on given private subnets; the add-on\'s configurationValues env', () => {
  const draft = read('eksctl-private-subnets.yaml')
  assert.equal(draft.env, {ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: '1'})
  assert.equal(draft.groups.map((g) => [g.name, g.instanceTypes, g.desired, g.max, g.maxPods, g.subnets]), [
    ['general', ['m6i.xlarge'], 6, 24, 110, ['eu-west-1a', 'eu-west-1b', 'eu-west-1c']],
    ['batch', ['c6i.2xlarge', 'c6a.2xlarge'], 2, 10, null, ['eu-west-1a', 'eu-west-1b']],
  ])
  assert.equal(draft.nodeSubnets.map((s) => [s.name, s.zone, s.cidr, s.id]), [
    ['eu-west-1a', 'eu-west-1a', '10.20.0.0/22', 'subnet-0aaa0000000000001'],
    ['eu-west-1b', 'eu-west-1b', '10.20.4.0/22', 'subnet-0bbb0000000000002'],
    ['eu-west-1c', 'eu-west-1c', '10.20.8.0/22', 'subnet-0ccc0000000000003'],
  ])
  assert.is(draft.source, 'eksctl-private-subnets.yaml (cluster shop)')
})

test('no vpc.subnets: the /19s eksctl would cut from 192.168.0.0/16; a self-managed group of mixed instances in the public ones', () => {
  const draft = read('eksctl-default-vpc.yaml')
  assert.equal(draft.nodeSubnets.map((s) => [s.name, s.cidr]), [['public-us-east-2a', '192.168.0.0/19'], ['public-us-east-2b', '192.168.32.0/19']])
  assert.equal(draft.groups.map((g) => [g.instanceTypes, g.desired, g.max]), [[['m5.large', 'm5a.large'], 2, 40]])
  assert.match(draft.warnings[0], /no vpc\.subnets/)
})

test('named subnets with az, YAML configurationValues, eksctl\'s defaults (m5.large, 2 nodes)', () => {
  const draft = read('eksctl-small-subnets.yaml')
  assert.equal(draft.env, {WARM_ENI_TARGET: '1'})
  assert.equal(draft.nodeSubnets.map((s) => [s.name, s.zone]), [['app-a', 'us-west-2a'], ['app-b', 'us-west-2b']])
  const bare = config({managedNodeGroups: [{name: 'ng'}], metadata: {region: 'ap-south-1'}})
  assert.equal([bare.groups[0].instanceTypes, bare.groups[0].desired, bare.groups[0].max], [['m5.large'], 2, 2])
  assert.equal(bare.nodeSubnets.map((s) => s.zone), ['ap-south-1a', 'ap-south-1b', 'ap-south-1c'])
})

test('bad input, one line each', () => {
  const cases: Array<[unknown, RegExp]> = [
    [{kind: 'Deployment'}, /expects an eksctl ClusterConfig/],
    [{apiVersion: 'eksctl.io/v1alpha5', kind: 'ClusterConfig'}, /no managedNodeGroups or nodeGroups/],
    [{apiVersion: 'eksctl.io/v1alpha5', kind: 'ClusterConfig', managedNodeGroups: [{name: 'a', maxSize: 'ten'}]}, /node group a: maxSize must be a whole number/],
    [{apiVersion: 'eksctl.io/v1alpha5', kind: 'ClusterConfig', managedNodeGroups: [{name: 'a', subnets: ['nope']}], vpc: {subnets: {private: {x: {cidr: '10.0.0.0/24'}}}}}, /subnet "nope" is not in vpc\.subnets/],
    [{apiVersion: 'eksctl.io/v1alpha5', kind: 'ClusterConfig', managedNodeGroups: [{name: 'a'}], vpc: {subnets: {private: {x: {id: 'subnet-1'}}}}}, /vpc\.subnets\.private\.x has no cidr/],
    [{apiVersion: 'eksctl.io/v1alpha5', kind: 'ClusterConfig', managedNodeGroups: [{availabilityZones: ['z9'], name: 'a'}], vpc: {subnets: {private: {z1: {cidr: '10.0.0.0/24'}}}}}, /zone z9 has no/],
    [{addons: [{configurationValues: '{env: [', name: 'vpc-cni'}], apiVersion: 'eksctl.io/v1alpha5', kind: 'ClusterConfig', managedNodeGroups: [{name: 'a'}]}, /configurationValues is neither JSON nor YAML/],
  ]
  for (const [doc, message] of cases) {
    assert.throws(() => readEksctlClusterConfig(doc, parse, 'x.yaml'), (e: Error) => e instanceof UserError && message.test(e.message), String(message))
  }
})

test.run()

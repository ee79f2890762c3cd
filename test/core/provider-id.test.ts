import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {chooseEksCluster, parseEksClusterArn} from '../../src/core/eks-cluster-arn.js'
import {parseProviderId} from '../../src/core/provider-id.js'

const providerId = suite('parseProviderId')

providerId('an EKS node: zone and instance id', () => {
  assert.equal(parseProviderId('aws:///us-west-2a/i-0123456789abcdef0'), {availabilityZone: 'us-west-2a', instanceId: 'i-0123456789abcdef0'})
  assert.equal(parseProviderId('aws:///us-gov-west-1b/i-78240d36b5d4d8f1f'), {availabilityZone: 'us-gov-west-1b', instanceId: 'i-78240d36b5d4d8f1f'})
})

providerId('an empty zone is kept empty', () => {
  assert.equal(parseProviderId('aws:////i-0abc'), {availabilityZone: '', instanceId: 'i-0abc'})
})

providerId('anything else is undefined', () => {
  for (const value of [
    undefined,
    '',
    'kind://docker/kind/kind-control-plane',
    'gce://project/zone/name',
    'aws:///us-west-2a/fargate-ip-10-0-1-2',
    'aws://us-west-2a/i-0abc',
    'aws:///us-west-2a/i-0abc/extra',
    // Fargate and hybrid nodes: the id is not an instance, and EC2 has nothing to describe.
    'aws:///us-east-1b/a1b2c3d4e5-0123456789abcdef01234567/fargate-ip-192-168-1-1.ec2.internal',
    'aws:///us-east-1b/fargate-ip-192-168-1-1',
    'eks-hybrid:///us-west-2/lab/mi-0123456789abcdef0',
  ]) {
    assert.is(parseProviderId(value), undefined, String(value))
  }
})

const arn = suite('parseEksClusterArn and chooseEksCluster')

arn('a cluster ARN, in every partition', () => {
  assert.equal(parseEksClusterArn('arn:aws:eks:us-west-2:111122223333:cluster/lab-cluster'), {
    accountId: '111122223333',
    clusterName: 'lab-cluster',
    partition: 'aws',
    region: 'us-west-2',
  })
  assert.is(parseEksClusterArn('arn:aws-cn:eks:cn-north-1:111122223333:cluster/c_1')?.clusterName, 'c_1')
  assert.is(parseEksClusterArn('arn:aws-us-gov:eks:us-gov-west-1:111122223333:cluster/g')?.region, 'us-gov-west-1')
})

arn('not a cluster ARN', () => {
  for (const value of [
    'lab-cluster',
    'arn:aws:eks:us-west-2:111122223333:nodegroup/lab/ng/abc',
    'arn:aws:iam::111122223333:role/x',
    'arn:aws:eks:us-west-2:1111:cluster/short-account',
    'user@lab.us-west-2.eksctl.io',
  ]) {
    assert.is(parseEksClusterArn(value), undefined, value)
  }
})

arn('--cluster wins; else the first ARN among the kubeconfig names', () => {
  const ctx = 'arn:aws:eks:eu-west-1:111122223333:cluster/prod'
  assert.equal(chooseEksCluster('lab', [ctx]), {clusterName: 'lab', source: 'flag'})
  assert.equal(chooseEksCluster(undefined, [undefined, 'minikube', ctx]), {clusterName: 'prod', region: 'eu-west-1', source: 'kubeconfig'})
  assert.is(chooseEksCluster(undefined, ['minikube', 'kind-kind']), undefined)
})

arn('eksctl names: NAME.REGION.eksctl.io, with or without USER@', () => {
  assert.equal(chooseEksCluster(undefined, ['admin@lab-cluster.us-west-2.eksctl.io']), {clusterName: 'lab-cluster', region: 'us-west-2', source: 'kubeconfig'})
  assert.equal(chooseEksCluster(undefined, ['prod.us-gov-west-1.eksctl.io'])?.region, 'us-gov-west-1')
  assert.is(chooseEksCluster(undefined, ['lab.example.com']), undefined)
})

providerId.run()
arn.run()

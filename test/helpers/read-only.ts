import * as assert from 'uvu/assert'

import type {ClusterLab} from '../lab/cluster-lab.js'

/** vpccni is read-only: nothing but gets reached Kubernetes and EKS, and EC2 saw only Describe, Get or DryRun calls. */
export function assertNoMutation(lab: ClusterLab): void {
  assert.equal(lab.kube.writes, [], 'no Kubernetes write')
  assert.equal(lab.aws.eks.requests.filter((r) => r.method !== 'GET'), [], 'no EKS write')
  const ec2 = lab.aws.ec2Requests().filter((r) => !/^(Describe|Get)/.test(r.action) && !r.dryRun)
  assert.equal(ec2.map((r) => r.action), [], 'no EC2 mutation')
}

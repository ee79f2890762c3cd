import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {fleetLabels} from '../../../src/core/doctor/fleet.js'
import {fitLabels} from '../../../src/output/fit-labels.js'

const test = suite('fleet row names: EKS ARNs shortened to what tells the clusters apart, cut only where rows still differ')
const arn = (region: string, account: string, name: string) => `arn:aws:eks:${region}:${account}:cluster/${name}`

test('an EKS ARN context is its cluster name; the region, then the account, only where two would read the same', () => {
  const contexts = [arn('us-west-2', '111122223333', 'prod-a'), arn('us-west-2', '111122223333', 'prod-b'), 'kind-dev']
  assert.equal(fleetLabels(contexts), ['prod-a', 'prod-b', 'kind-dev'])
  const twins = [arn('us-west-2', '111122223333', 'lab'), arn('eu-west-1', '111122223333', 'lab'), arn('us-west-2', '444455556666', 'lab'), arn('us-east-1', '111122223333', 'api')]
  assert.equal(fleetLabels(twins), ['lab (us-west-2, 111122223333)', 'lab (eu-west-1)', 'lab (us-west-2, 444455556666)', 'api'])
  assert.equal(fleetLabels([arn('us-west-2', '111122223333', 'prod'), 'prod']), ['prod (us-west-2)', 'prod'], 'a plain context of the same name')
})

test('cutting: the end when the rows still differ, else the middle, else the start', () => {
  assert.equal(fitLabels(['prod-a (us-west-2)', 'prod-b'], 12), ['prod-a (us-…', 'prod-b'])
  const shared = ['gke_my-project_europe-west1_cluster-alpha', 'gke_my-project_europe-west1_cluster-beta']
  assert.equal(fitLabels(shared, 20), ['gke_my-pro…ter-alpha', 'gke_my-pro…ster-beta'], 'the same first 19 characters: the middle goes')
  const ends = ['x'.repeat(30) + 'a', 'x'.repeat(30) + 'b', `${'y'.repeat(15)}${'x'.repeat(15)}a`]
  assert.equal(fitLabels(ends, 10), ['xxxxx…xxxa', 'xxxxx…xxxb', 'yyyyy…xxxa'])
  assert.equal(fitLabels(['x'.repeat(30) + 'ab', 'x'.repeat(29) + 'bab'], 6), ['…xxxab', '…xxbab'], 'only their ends differ')
})

test.run()

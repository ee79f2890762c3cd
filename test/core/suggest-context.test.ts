import {test} from 'uvu'
import * as assert from 'uvu/assert'

import {suggestContexts} from '../../src/core/suggest-context.js'

const arn = (name: string) => `arn:aws:eks:eu-west-1:111122223333:cluster/${name}`

test('a cluster name finds the ARN context that aws eks update-kubeconfig wrote for it, before a near context name', () => {
  assert.equal(suggestContexts('prod-b', ['prod-a', arn('prod-b'), arn('staging')]), [arn('prod-b'), 'prod-a'])
})

test('a typo of a cluster name, and an eksctl context by its cluster name', () => {
  assert.equal(suggestContexts('stagign', ['prod-a', arn('staging')]), [arn('staging')])
  assert.equal(suggestContexts('payments', ['ops@payments.us-east-1.eksctl.io', 'other']), ['ops@payments.us-east-1.eksctl.io'])
})

test('a typo of a whole ARN context, and nothing near', () => {
  assert.equal(suggestContexts(arn('stagign'), ['prod-a', arn('prod-b'), arn('staging')]), [arn('staging')])
  assert.equal(suggestContexts('zzz', ['prod-a', arn('staging')]), [])
})

test('two contexts of one cluster name (two regions) are both offered', () => {
  const west = 'arn:aws:eks:us-west-2:111122223333:cluster/prod'
  assert.equal(suggestContexts('prod', [arn('prod'), west]), [arn('prod'), west])
})

test.run()

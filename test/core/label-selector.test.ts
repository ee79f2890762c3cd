import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {type LabelSelector, selectorMatches} from '../../src/core/label-selector.js'

const test = suite('label selectors as apimachinery reads them')
const selector = (s: Partial<LabelSelector>): LabelSelector => ({matchExpressions: [], matchLabels: {}, ...s})
const web = {app: 'web', tier: 'front'}

test('the empty selector selects every set of labels, none included', () => {
  assert.equal([selectorMatches(selector({}), web), selectorMatches(selector({}), {})], [true, true])
})

test('matchLabels: every pair must hold', () => {
  assert.ok(selectorMatches(selector({matchLabels: {app: 'web'}}), web))
  assert.not.ok(selectorMatches(selector({matchLabels: {app: 'web', tier: 'back'}}), web))
  assert.not.ok(selectorMatches(selector({matchLabels: {app: 'web'}}), {}))
})

test('matchExpressions: In, NotIn (an absent key is not in), Exists, DoesNotExist; all of them and matchLabels together', () => {
  const expression = (operator: string, values: string[] = []) => selector({matchExpressions: [{key: 'tier', operator, values}]})
  const on = (s: LabelSelector) => [selectorMatches(s, web), selectorMatches(s, {app: 'web'})]
  assert.equal(on(expression('In', ['front', 'edge'])), [true, false])
  assert.equal(on(expression('NotIn', ['front'])), [false, true])
  assert.equal(on(expression('Exists')), [true, false])
  assert.equal(on(expression('DoesNotExist')), [false, true])
  const both = selector({matchExpressions: [{key: 'tier', operator: 'Exists', values: []}], matchLabels: {app: 'api'}})
  assert.not.ok(selectorMatches(both, web))
})

test('an operator apimachinery does not know makes the selector invalid: it selects nothing', () => {
  assert.not.ok(selectorMatches(selector({matchExpressions: [{key: 'tier', operator: 'Gt', values: ['1']}]}), web))
})

test.run()

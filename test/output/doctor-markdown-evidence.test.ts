import {test} from 'uvu'
import * as assert from 'uvu/assert'

import type {Finding} from '../../src/core/doctor/doctor-report.js'
import {unreadReason} from '../../src/core/doctor/fleet.js'
import {evidenceOf} from '../../src/output/doctor-markdown.js'

const finding = (evidence: Finding['evidence']): Finding => ({
  docs: '', evidence, id: 'CNI013', message: '', remedy: '', resource: {kind: 'DaemonSet', name: 'aws-node', namespace: 'kube-system'}, severity: 'warning', title: '',
})

test('markdown evidence leaves out what says nothing: a null and an empty list (CNI013 with no suggestion)', () => {
  const evidence = {lint: 'unknown-env', path: null, release: 'v1.19.2', suggestions: []}
  assert.is(evidenceOf(finding(evidence)), 'lint=unknown-env, release=v1.19.2')
  assert.is(evidenceOf(finding({...evidence, suggestions: ['WARM_IP_TARGET', 'WARM_ENI_TARGET']})), 'lint=unknown-env, release=v1.19.2, suggestions=WARM_IP_TARGET; WARM_ENI_TARGET')
  assert.is(evidenceOf(finding({count: 0, enabled: false})), 'count=0, enabled=false', 'zero and false are evidence')
})

test('an unread fleet member\'s reason is one line as on stderr, message; hint (no second parentheses)', () => {
  const member = {context: 'gone', error: {exitCode: 3, hint: 'check --context', message: 'kubernetes: cannot reach the API server https://x (connection refused)'}}
  assert.is(unreadReason(member), 'kubernetes: cannot reach the API server https://x (connection refused); check --context')
})

test.run()

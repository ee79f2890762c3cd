import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {CHECK_DOCS_MODULE, checkDocsModuleFor, parseCheckDocs} from '../../scripts/check-docs-data.js'
import {CHECK_REGISTRY} from '../../src/core/doctor/registry.js'
import {CHECK_DOCS} from '../../src/data/check-docs.generated.js'
import {projectRoot} from '../helpers/run-command.js'

const test = suite('the checks\' documentation embedded from docs/checks.md')

test('src/data/check-docs.generated.ts is what docs/checks.md gives (npm run update-check-docs; the build writes it)', () => {
  assert.ok(readFileSync(join(projectRoot, CHECK_DOCS_MODULE), 'utf8') === checkDocsModuleFor(projectRoot), 'stale: run npm run update-check-docs')
})

test('one section per registry check, each with its five parts', () => {
  assert.equal(Object.keys(CHECK_DOCS), CHECK_REGISTRY.map((c) => c.id))
  for (const check of CHECK_REGISTRY) {
    const doc = CHECK_DOCS[check.id]
    assert.match(doc.heading, new RegExp(`^${check.id} `))
    assert.equal(doc.parts.map((p) => p.label), ['What it means', 'Why it matters', 'How it is detected', 'Remedy', 'Source'], check.id)
    assert.ok(doc.parts.every((p) => p.text.length > 20 && !p.text.includes('\n')), check.id)
  }
})

test("each check's default grade (the registry's severity, SARIF's defaultConfiguration.level) is the first its heading lists", () => {
  for (const check of CHECK_REGISTRY) assert.is(check.severity, CHECK_DOCS[check.id].severities[0], check.id)
  assert.is(CHECK_REGISTRY.find((c) => c.id === 'CNI007')!.severity, 'warning', 'a leaked ENI is a warning unless the clean-up is off')
})

test('a section out of the page\'s form is refused, naming it', () => {
  const page = readFileSync(join(projectRoot, 'docs/checks.md'), 'utf8')
  assert.throws(() => parseCheckDocs(page.replace('- **Remedy.** Set kubelet', '- **Fix.** Set kubelet')), /CNI001: parts .*Fix/)
  assert.throws(() => parseCheckDocs(page.replace('### CNI002 Prefix', '### CNI020 Prefix')), /anchor cni002/)
  assert.throws(() => parseCheckDocs(page.replace('(`status.capacity.pods`)', '(`status.capacity.pods`)\nstray line')), /CNI001: line \d+ is neither/)
})

test.run()

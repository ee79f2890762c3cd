import {buildDiffReport, diffFindsProblem} from '../src/core/diff/build-diff-report.js'
import {DIFF_REFERENCE_DATA as D} from '../src/data/diff-reference.js'
import {EDITS, FIXTURE_RELEASES, edited, installed} from '../test/fixtures/diff/release-fixtures.js'
const vs = process.argv[2] ? [process.argv[2]] : FIXTURE_RELEASES
for (const v of vs) {
  const c = buildDiffReport({daemonSet: installed(v)}, D)
  console.log(v, 'clean', c.changes.map((x) => `${x.effect} ${x.path}`), c.warnings)
  for (const e of Object.keys(EDITS)) for (const mf of [true, false]) {
    const r = buildDiffReport({daemonSet: edited(v, e, {managedFields: mf})}, D)
    console.log(v, e, mf ? 'MF' : 'noMF', diffFindsProblem(r) ? 1 : 0, r.changes.map((x) => `${x.effect} ${x.owner} ${x.path.replace('.spec.template.spec.', '')}`).join(' | '))
  }
}

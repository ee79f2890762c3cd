import {buildDiffReport} from '../src/core/diff/build-diff-report.js'
import {withServerDefaults} from '../src/core/diff/server-defaults.js'
import {DIFF_REFERENCE_DATA as D} from '../src/data/diff-reference.js'
let bad = 0
for (const [v, o] of D.baselines) {
  for (const ds of [o, withServerDefaults(o as any)]) {
    const r = buildDiffReport({daemonSet: ds as any}, D)
    if (r.changes.length || r.cniVersion.baseline !== v) { bad++; console.log(v, r.cniVersion, r.changes.map((c) => c.path)) }
  }
}
console.log('bad', bad, D.baselines.size)

import {suite} from 'uvu'

import {parseCniVersion} from '../../src/core/cni-version.js'
import {buildMaxPodsReport} from '../../src/core/max-pods/build-max-pods-report.js'
import {findInstanceType} from '../../src/data/instance-catalog.js'
import {renderMaxPodsTable} from '../../src/output/max-pods-view-table.js'
import {plainStyle} from '../../src/output/style.js'
import {assertGolden} from '../helpers/golden.js'

const test = suite('max-pods table view (terminal)')

test('several types: golden table', () => {
  const types = ['m5.large', 'c5.4xlarge', 'm5.24xlarge', 'p3.16xlarge', 'c7i.32xlarge', 'm4.large'].map((t) => findInstanceType(t)!)
  const report = buildMaxPodsReport(
    types,
    {cniVersion: parseCniVersion('v1.23.0'), customNetworking: false, noCap: false, prefixDelegation: true, securityGroupsForPods: false},
    {source: 'embedded', sources: []},
  )
  assertGolden(`${renderMaxPodsTable(report, plainStyle)}\n`, 'max-pods-table.txt')
})

test.run()

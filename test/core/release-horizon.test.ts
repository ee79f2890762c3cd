import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {parseCniVersion} from '../../src/core/cni-version.js'
import {describeHorizonPlace, placeOnHorizon} from '../../src/core/release-horizon.js'
import {CNI_RELEASE_DATA} from '../../src/data/cni-releases.generated.js'
import {NEWEST_KNOWN_CNI} from '../../src/data/release-summary.generated.js'

const test = suite('one release horizon')
const known = CNI_RELEASE_DATA.releases.map((r) => r.version)
const place = (v: string) => placeOnHorizon(parseCniVersion(v), known)

test('the newest known release is the newest tag of the release data, as max-pods defaults to', () => {
  assert.is(place('v1.23.0').kind, 'known')
  assert.is(place('v1.23.0').newest, NEWEST_KNOWN_CNI)
})

test('a patch beyond the newest known release is newer, a patch of its line, and worded once', () => {
  const p = place('v1.23.1')
  assert.equal({kind: p.kind, nearest: p.nearest, patchOf: p.patchOf}, {kind: 'newer', nearest: ['v1.23.0'], patchOf: 'v1.23.0'})
  assert.is(describeHorizonPlace(parseCniVersion('v1.23.1'), p), 'v1.23.1 is newer than the newest release vpccni knows (v1.23.0), a patch release of its v1.23 line')
  assert.is(place('v1.24.0').patchOf, undefined)
  assert.is(describeHorizonPlace(parseCniVersion('v1.24.0'), place('v1.24.0')), 'v1.24.0 is newer than the newest release vpccni knows (v1.23.0)')
})

test('older than the data and never tagged are told apart', () => {
  assert.is(place('v1.4.0').kind, 'older')
  assert.match(describeHorizonPlace(parseCniVersion('v1.4.0'), place('v1.4.0')), /older than the oldest release vpccni knows \(v1\.5\.0\)/)
  assert.equal(place('v1.19.1'), {kind: 'untagged', nearest: ['v1.19.0', 'v1.19.2'], newest: 'v1.23.0', oldest: 'v1.5.0'})
})

test.run()

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {compareCniVersions, parseCniVersion} from '../../src/core/cni-version.js'
import {decodeInstanceRow, encodeInstanceRow, findInstanceRow} from '../../src/core/instance-table-codec.js'
import {QUOTED_INPUT_MAX, quoteInput} from '../../src/core/quote-input.js'
import {editDistance, MAX_SUGGEST_INPUT, suggestNearest} from '../../src/core/suggest-nearest.js'
import {findInstanceType, instanceTypeNames} from '../../src/data/instance-catalog.js'
import {UserError} from '../../src/errors.js'

const versions = suite('parseCniVersion')

versions('accepts v1.2.3, 1.2.3, 1.9 and add-on names', () => {
  assert.is(parseCniVersion('v1.19.2').text, 'v1.19.2')
  assert.is(parseCniVersion('1.19.2').text, 'v1.19.2')
  assert.is(parseCniVersion('1.9').text, 'v1.9.0')
  const addon = parseCniVersion('v1.21.1-eksbuild.8')
  assert.is(addon.text, 'v1.21.1')
  assert.is(addon.build, 'eksbuild.8')
})

versions('rejects what is not a version, as bad input', () => {
  for (const bad of ['banana', '1', 'v1.2.3.4', '', 'v1.x.0']) {
    assert.throws(() => parseCniVersion(bad), (e: unknown) => e instanceof UserError && e.exitCode === 2, bad)
  }
})

versions('compares numerically, not as text', () => {
  assert.ok(compareCniVersions(parseCniVersion('1.10.0'), parseCniVersion('1.9.3')) > 0)
  assert.is(compareCniVersions(parseCniVersion('v1.21.1-eksbuild.8'), parseCniVersion('1.21.1')), 0)
})

const suggest = suite('suggestNearest')

suggest('a transposition is one edit', () => {
  assert.is(editDistance('m5.lrage', 'm5.large'), 1)
  assert.is(suggestNearest('m5.lrage', instanceTypeNames())[0], 'm5.large')
  assert.is(suggestNearest('WARM_IP_TARGTE', ['WARM_IP_TARGET', 'WARM_ENI_TARGET'])[0], 'WARM_IP_TARGET')
})

suggest('nothing close, nothing suggested', () => {
  assert.equal(suggestNearest('kubernetes', ['m5.large', 'c5.large']), [])
})

suggest('input longer than any name is no typo: no search at all, whatever its length', () => {
  const huge = `m5.${'x'.repeat(20_000)}`
  const started = process.hrtime.bigint()
  assert.equal(suggestNearest(huge, instanceTypeNames()), [])
  // Unbounded, this took 35 s (1.4 ms per character); bounded, it is no work.
  assert.ok(process.hrtime.bigint() - started < 1_000_000_000n)
  assert.equal(suggestNearest('m5.large'.padEnd(MAX_SUGGEST_INPUT + 1, 'e'), ['m5.large']), [])
  assert.equal(suggestNearest('m5.larg', ['m5.large', 'x'.repeat(40)]), ['m5.large'])
})

const quote = suite('quoteInput')

quote('short values are quoted whole; long ones are cut to 40 characters with an ellipsis and their length', () => {
  assert.is(quoteInput('m5.lrage'), '"m5.lrage"')
  assert.is(quoteInput('x'.repeat(20_000)), `"${'x'.repeat(QUOTED_INPUT_MAX)}…" (20000 characters)`)
  assert.is(quoteInput('x'.repeat(QUOTED_INPUT_MAX)), `"${'x'.repeat(QUOTED_INPUT_MAX)}"`)
  assert.is(quoteInput('abcdef', 4), '"abcd…" (6 characters)')
})

quote('non-printing characters are escaped, never echoed raw', () => {
  assert.is(quoteInput('a\u001b[31mb\nc\u0000'), '"a\\u001b[31mb\\u000ac\\u0000"')
  assert.not.match(quoteInput('\u0007'.repeat(100)), /\u0007/)
})

const codec = suite('instance table codec')

codec('a row survives encoding, including unknowns', () => {
  for (const name of ['m5.large', 'p5.48xlarge', 'p3.16xlarge', 'c7i.32xlarge', 'a1.metal']) {
    const limits = findInstanceType(name)!
    assert.equal(decodeInstanceRow(encodeInstanceRow(limits)), limits)
  }
})

codec('lookup finds the first and last rows, and not a prefix of a name', () => {
  const names = instanceTypeNames()
  assert.ok(findInstanceType(names[0]))
  assert.ok(findInstanceType(names.at(-1)!))
  assert.is(findInstanceType('m5.larg'), undefined)
  assert.is(findInstanceRow('a,1\nb,2', 'c'), undefined)
  assert.is(findInstanceType(' M5.LARGE ')?.instanceType, 'm5.large')
})

versions.run()
suggest.run()
quote.run()
codec.run()

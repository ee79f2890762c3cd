import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {DeadlineExceeded, raceSignal, SourcesClosed, startDeadline} from '../../src/sources/deadline.js'

const test = suite('call deadlines')

test('a deadline aborts after its time with DeadlineExceeded; renew() restarts the wait; clear() stops it', async () => {
  const deadline = startDeadline(60)
  await new Promise((resolve) => setTimeout(resolve, 40))
  deadline.renew()
  await new Promise((resolve) => setTimeout(resolve, 40))
  assert.not.ok(deadline.signal.aborted, 'renewed at 40 ms, so still waiting at 80 ms')
  await new Promise((resolve) => setTimeout(resolve, 40))
  assert.instance(deadline.signal.reason, DeadlineExceeded)
  const cleared = startDeadline(20)
  cleared.clear()
  await new Promise((resolve) => setTimeout(resolve, 40))
  assert.not.ok(cleared.signal.aborted)
})

test('the parent (the sources closing) aborts the call, also when it closed before the call started', () => {
  const closing = new AbortController()
  const early = startDeadline(1000, closing.signal)
  closing.abort(new SourcesClosed())
  assert.instance(early.signal.reason, SourcesClosed)
  assert.instance(startDeadline(1000, closing.signal).signal.reason, SourcesClosed)
})

test('raceSignal: an already-aborted signal rejects at once, and the work failing later is no unhandled rejection', async () => {
  const unhandled: unknown[] = []
  const record = (reason: unknown) => unhandled.push(reason)
  process.on('unhandledRejection', record)
  try {
    const closing = new AbortController()
    closing.abort(new SourcesClosed())
    const work = new Promise((_, reject) => setTimeout(() => reject(new Error('aborted too')), 10))
    await raceSignal(work, closing.signal).then(() => assert.unreachable(), (error: unknown) => assert.instance(error, SourcesClosed))
    await new Promise((resolve) => setTimeout(resolve, 50))
    assert.equal(unhandled, [])
  } finally {
    process.off('unhandledRejection', record)
  }
})

test.run()

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {buildSimulateReport} from '../../../src/core/ipamd/build-simulate-report.js'
import {type IpamdConfig, MANIFEST_DEFAULTS, resolvePoolLimits} from '../../../src/core/ipamd/ipamd-config.js'
import {parseTrace} from '../../../src/core/ipamd/parse-trace.js'
import {latestTime} from '../../../src/core/ipamd/pool-state.js'
import {simulateSteadyState} from '../../../src/core/ipamd/simulate-steady-state.js'
import {simulateWorkload} from '../../../src/core/ipamd/simulate-workload.js'
import {DEFAULT_EC2_LATENCY} from '../../../src/core/ipamd/workload.js'
import {findInstanceType} from '../../../src/data/instance-catalog.js'

// Where the model disagreed with ipamd's Go sources (issue 11, "Model fidelity"); each test failed before its fix.
const test = suite('ipamd model fidelity (issue 11)')

const simulate = (type: string, pods: number, extra: Partial<IpamdConfig>, maxPods: number, trace?: string) =>
  buildSimulateReport({
    config: {...MANIFEST_DEFAULTS, maxPods, ...extra},
    instance: findInstanceType(type)!,
    latency: DEFAULT_EC2_LATENCY,
    pods,
    trace: trace === undefined ? undefined : {durationSeconds: 600, events: parseTrace(trace), name: 'trace'},
  })

test('the trace starts after the steady ramp: ENIs attached late in it are freed within seconds once idle', () => {
  // 200 pods with WARM_IP_TARGET=1 take 200 reconciles to ramp up, so the last ENIs attach long after 3600 s.
  const result = simulate('m5.metal', 200, {warmIpTarget: 1}, 250, '0,-,200')
  const trace = result.trace!
  // The release leaves WARM_IP_TARGET's one address on the last ENI, which keeps it; the other three go.
  assert.is(trace.eniFrees, 3)
  assert.equal(trace.timeline.find((s) => s.seconds === 30), {assigned: 0, enis: 2, held: 1, seconds: 30})
  assert.is(result.steadyState.enis, 2)
})

test('a run may not start before the times in its state', () => {
  const config: IpamdConfig = {...MANIFEST_DEFAULTS, maxPods: 250, warmIpTarget: 1}
  const limits = resolvePoolLimits(config, findInstanceType('m5.metal')!)
  const steady = simulateSteadyState(config, limits, 200)
  assert.ok(steady.now >= latestTime(steady.state) && steady.now > 3600)
  assert.throws(() => simulateWorkload({config, durationSeconds: 60, events: [], limits, state: steady.state, startAt: 3600}), /before the state's time/)
})

test.run()

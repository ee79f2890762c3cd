import {mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {type BinaryOutcome, runBinaryAsync} from '../helpers/run-binary.js'
import {projectRoot} from '../helpers/run-command.js'
import {startHungServer} from '../lab/hung-server.js'
import {CORPUS, type CorpusCase} from './cases.js'
import {writeCorpusFiles} from './corpus-files.js'

/*
 * Issue 12: the bad-input corpus, run against the built binary (bin/run.cjs) a few cases at a time. Each case gets
 * an environment of its own making: no kubeconfig, no AWS credentials, profile or region, no instance metadata.
 */
const PARALLEL = 3
/**
 * Start-up, data loading and the SDK or client-node, on a busy 2-core machine, several cases at once (a case takes
 * 0.3 to 2 s alone). The bound catches the unbounded (the 35 s suggestion search, a minutes-long simulation), not speed.
 */
const OFFLINE_MS = 20_000
const REQUEST_TIMEOUT_S = 2
/** The longest line a case may print: a value the user typed is repeated at most 40 characters long. */
const LONGEST_LINE = 400

const dir = mkdtempSync(join(tmpdir(), 'vpccni-corpus-'))
writeCorpusFiles(dir)
mkdirSync(join(dir, 'home'))
const hung = await startHungServer(dir)
const isolated: Record<string, string> = {
  AWS_ACCESS_KEY_ID: '', AWS_CONFIG_FILE: join(dir, 'aws-config'), AWS_DEFAULT_REGION: '', AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PROFILE: '', AWS_REGION: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '', AWS_SHARED_CREDENTIALS_FILE: join(dir, 'aws-credentials'),
  DEBUG: '', HOME: join(dir, 'home'), KUBECONFIG: join(dir, 'no-kubeconfig'),
}
const hungEndpoint = hung.url.replace('https:', 'http:')
const againstHung: Record<string, string> = {
  AWS_ACCESS_KEY_ID: 'AKIDCORPUS', AWS_ENDPOINT_URL_EC2: hungEndpoint, AWS_ENDPOINT_URL_EKS: hungEndpoint, AWS_REGION: 'us-west-2',
  AWS_SECRET_ACCESS_KEY: 'corpus-secret', KUBECONFIG: hung.kubeconfig,
}

const fill = (value: string): string => value.replaceAll('{dir}', dir).replaceAll('{examples}', join(projectRoot, 'examples'))
const isHung = (c: CorpusCase): boolean => c.args.includes('{hung}')
const boundMs = (c: CorpusCase): number => (isHung(c) ? REQUEST_TIMEOUT_S * 1000 : 0) + OFFLINE_MS

function run(c: CorpusCase): Promise<BinaryOutcome> {
  const args = c.args.filter((a) => a !== '{hung}').map(fill)
  const env = {...isolated, ...(isHung(c) ? againstHung : {}), ...Object.fromEntries(Object.entries(c.env ?? {}).map(([k, v]) => [k, fill(v)]))}
  return runBinaryAsync(isHung(c) ? [...args, '--request-timeout', String(REQUEST_TIMEOUT_S)] : args, {env, input: c.input ?? ''})
}

/** All cases start at once under a limit of PARALLEL; each test awaits its own. */
function runAll(cases: CorpusCase[]): Array<Promise<BinaryOutcome>> {
  let running = 0
  const waiting: Array<() => void> = []
  const slot = async (): Promise<void> => {
    if (running < PARALLEL) {
      running++
      return
    }

    await new Promise<void>((resolve) => waiting.push(resolve))
  }

  const release = (): void => {
    const next = waiting.shift()
    if (next) next()
    else running--
  }

  return cases.map(async (c) => {
    await slot()
    try {
      return await run(c)
    } finally {
      release()
    }
  })
}

const show = (args: string[]): string => args.map((a) => (a.length > 30 ? `${a.slice(0, 12)}…(${a.length})` : JSON.stringify(a).slice(1, -1) || '""')).join(' ')
const test = suite(`bad-input corpus (${CORPUS.length} cases)`)
const outcomes = runAll(CORPUS)

test.after(async () => {
  await Promise.allSettled(outcomes)
  await hung.stop()
  rmSync(dir, {force: true, recursive: true})
})

for (const [i, c] of CORPUS.entries()) {
  test(`${show(c.args)} → exit ${c.exit}, ${c.line ? 'one line' : 'nothing on stderr'}`, async () => {
    const out = await outcomes[i]
    assert.is(out.exitCode, c.exit, out.stderr)
    assert.ok(out.exitedAtMs! < boundMs(c), `took ${Math.round(out.exitedAtMs!)} ms (bound ${boundMs(c)} ms)`)
    if (c.stdout) assert.match(out.stdout, c.stdout)
    else if (c.args.includes('--json')) assert.is(JSON.parse(out.stdout).error.exitCode, c.exit)
    else assert.is(out.stdout, '', 'nothing on stdout')
    if (!c.line) {
      assert.is(out.stderr, '', 'nothing on stderr')
      return
    }

    const lines = out.stderr.split('\n')
    assert.is(lines.length, 2, `exactly one line on stderr, ending in a newline:\n${out.stderr}`)
    const [line] = lines
    assert.match(line, c.exit >= 2 ? /^error: / : /^warning: /)
    assert.match(line, c.line)
    assert.not.match(line, /\bat .+:\d+:\d+\)?$|node:internal|TypeError|ReferenceError|internal error/, 'no stack trace, no internal error')
    assert.not.match(line, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFD]/u, 'no raw bytes or escape sequences')
    assert.ok(line.length <= LONGEST_LINE, `${line.length} characters: the value is not shortened`)
  })
}

test.run()

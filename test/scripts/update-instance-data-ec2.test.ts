import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {limitsFromEc2Record, trunkRecordOf} from '../../src/core/instance-facts.js'
import {decodeInstanceTable} from '../../src/core/instance-table-codec.js'
import {INSTANCE_TABLE} from '../../src/data/instance-types.generated.js'
import {describeInstanceTypes} from '../../src/sources/ec2/describe-instance-types.js'
import {type AwsLab, startAwsLab} from '../lab/aws-lab.js'
import {projectRoot} from '../helpers/run-command.js'

const test = suite('scripts/update-instance-data.ts --from-ec2 against moto')
const committedFile = join(projectRoot, 'src/data/instance-types.generated.ts')
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
let lab: AwsLab
let dir: string

test.before(async () => {
  lab = await startAwsLab()
  dir = mkdtempSync(join(tmpdir(), 'vpccni-refresh-'))
})
test.after(async () => {
  await lab?.stop()
  if (dir) rmSync(dir, {force: true, recursive: true})
})

test('refreshes a copy of the table from DescribeInstanceTypes, leaving the committed data alone', async () => {
  const committedBefore = hash(committedFile)
  const output = join(dir, 'instance-types.generated.ts')
  lab.ec2.setPageSize('DescribeInstanceTypes', 100)
  // Asynchronous: the script's requests are answered by the proxy in this very process.
  const {stderr} = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/update-instance-data.ts', '--from-ec2', '--region', 'us-west-2', '--output', output],
    {cwd: projectRoot, maxBuffer: 1 << 24},
  )
  assert.is(hash(committedFile), committedBefore)

  const text = readFileSync(output, 'utf8')
  const table = decodeInstanceTable(JSON.parse(/export const INSTANCE_TABLE = (".*")\n/.exec(text)![1]) as string)
  const current = decodeInstanceTable(INSTANCE_TABLE)
  const records = await describeInstanceTypes({region: 'us-west-2'})
  assert.match(stderr, new RegExp(`wrote ${table.length} instance types`))
  assert.match(text, new RegExp(`EC2 DescribeInstanceTypes in us-west-2: ${records.length} types refreshed`))

  const refreshed = new Map(table.map((row) => [row.instanceType, row]))
  const currentByName = new Map(current.map((row) => [row.instanceType, row]))
  for (const record of records) {
    const expected = limitsFromEc2Record(record, trunkRecordOf(currentByName.get(record.InstanceType!)))
    if (expected) assert.equal(refreshed.get(expected.instanceType), expected, expected.instanceType)
  }

  const fromEc2 = new Set(records.map((r) => r.InstanceType))
  for (const row of current) if (!fromEc2.has(row.instanceType)) assert.equal(refreshed.get(row.instanceType), row, 'kept')
  assert.is(refreshed.get('dl1.24xlarge')?.vcpus, 96, 'EC2 fills the vCPU count the embedded table lacks')
  const pages = lab.ec2Requests().filter((r) => r.action === 'DescribeInstanceTypes' && r.params.NextToken).length
  assert.ok(pages >= 10, `the script followed ${pages} NextTokens`)
})

test.run()

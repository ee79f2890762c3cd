import {execFile} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {projectRoot} from './run-command.js'

export interface ToolResult {
  code: number
  output: string
}

/** Runs an independent consumer of one of doctor's formats (promtool, xmllint) on TEXT as its stdin. A missing tool fails loudly. */
export function runTool(command: string, args: string[], text: string): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, (error, stdout, stderr) => {
      const code = (error as NodeJS.ErrnoException | null)?.code
      if (code === 'ENOENT') reject(new Error(`${command} is not installed: apt-get install -y prometheus libxml2-utils (see .ci/run)`))
      else resolve({code: error ? Number((error as {code?: number}).code ?? 1) : 0, output: `${stdout}${stderr}`})
    })
    child.stdin!.end(text)
  })
}

/** `promtool check metrics` (Prometheus' own linter of the text exposition format): exit 0 and nothing to say when clean. */
export const promtoolCheckMetrics = (text: string): Promise<ToolResult> => runTool('promtool', ['check', 'metrics'], text)

export const JUNIT_XSD = join(projectRoot, 'test/fixtures/schemas/junit-10.xsd')

/** xmllint against the vendored JUnit schema (test/fixtures/schemas/README.md). */
export const xmllintJunit = (text: string): Promise<ToolResult> => runTool('xmllint', ['--noout', '--schema', JUNIT_XSD, '-'], text)

/**
 * The OASIS SARIF 2.1.0 schema compiled with ajv. The schema is draft-04, whose only keyword ajv 8 lacks here is the
 * root `id` (draft-06 renamed it `$id`); its formats are checked with RFC 3339 and RFC 3986 shaped patterns.
 */
export async function sarifValidator(): Promise<(document: unknown) => string[]> {
  // ajv is CommonJS: its class is the module's default export's own `default`.
  const {default: ajvModule} = await import('ajv')
  const Ajv = ajvModule.default
  const schema = JSON.parse(readFileSync(join(projectRoot, 'test/fixtures/schemas/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>
  const {$schema: _draft04, id, ...rest} = schema
  const ajv = new Ajv({allErrors: true, strict: false})
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i)
  ajv.addFormat('uri', /^[a-z][\d+.a-z-]*:[^\s]*$/i)
  ajv.addFormat('uri-reference', /^[^\s]*$/)
  const validate = ajv.compile({...rest, $id: id as string})
  return (document) => (validate(document) ? [] : (validate.errors ?? []).map((e: {instancePath: string; message?: string}) => `${e.instancePath} ${e.message}`))
}

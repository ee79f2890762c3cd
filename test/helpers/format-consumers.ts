import {execFile} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {projectRoot} from './run-command.js'

export interface ToolResult {
  code: number
  output: string
}

/** Runs an independent consumer of one of doctor's formats (promtool, xmllint, cmark-gfm) on TEXT as its stdin. A missing tool fails loudly. */
export function runTool(command: string, args: string[], text: string): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, (error, stdout, stderr) => {
      const code = (error as NodeJS.ErrnoException | null)?.code
      if (code === 'ENOENT') reject(new Error(`${command} is not installed: apt-get install -y prometheus libxml2-utils cmark-gfm (see .ci/run)`))
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

/**
 * GitHub's own Markdown renderer (cmark-gfm, the C library github.com renders with) with its table, strikethrough and
 * autolink extensions, and raw HTML let through (--unsafe), so HTML that the text lets in shows up as tags.
 */
export const cmarkGfm = (text: string): Promise<ToolResult> => runTool('cmark-gfm', ['-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '--unsafe'], text)

interface SarifLog {
  runs: Array<{
    results: Array<{level?: string; locations?: Array<{physicalLocation?: {artifactLocation?: {uri?: string}; region?: {startLine?: number}}}>; message?: {text?: string}; partialFingerprints?: Record<string, string>; ruleId?: string}>
    tool: {driver: {name?: string; rules?: Array<{defaultConfiguration?: {level?: string}; fullDescription?: {text?: string}; help?: {markdown?: string; text?: string}; id?: string; name?: string; shortDescription?: {text?: string}}>}}
  }>
}

/**
 * What GitHub code scanning requires of an uploaded SARIF file beyond the schema, as its documentation states it ("SARIF
 * support for code scanning", github/docs) and its upload errors say: a result needs a location whose
 * `physicalLocation.artifactLocation.uri` is a repository-relative path or a file: URI ("expected a physical location",
 * "unrecognized SARIF location URI scheme", "an invalid URI was provided"), at most 10 locations, a message, and
 * partialFingerprints; `region.startLine` is the least a region gives (the SARIF SDK's GitHub rule GH1003); a rule needs
 * an id, shortDescription and fullDescription (1,024 characters at most), help.text, a name of 255 at most, and levels
 * are note, warning or error.
 */
export function githubSarifProblems(document: unknown): string[] {
  const log = document as SarifLog
  const problems: string[] = []
  const levels = new Set(['error', 'note', 'warning'])
  for (const [r, run] of log.runs.entries()) {
    for (const rule of run.tool.driver.rules ?? []) {
      const where = `runs[${r}] rule ${rule.id}`
      if (!rule.id || !rule.shortDescription?.text || !rule.fullDescription?.text || !rule.help?.text) problems.push(`${where}: id, shortDescription, fullDescription and help.text are required`)
      if ((rule.shortDescription?.text ?? '').length > 1024 || (rule.fullDescription?.text ?? '').length > 1024) problems.push(`${where}: a description over 1,024 characters`)
      if ((rule.name ?? '').length > 255) problems.push(`${where}: a name over 255 characters`)
      if (rule.defaultConfiguration?.level && !levels.has(rule.defaultConfiguration.level)) problems.push(`${where}: level ${rule.defaultConfiguration.level}`)
    }

    for (const [i, result] of run.results.entries()) {
      const where = `runs[${r}].results[${i}]`
      if (!result.message?.text) problems.push(`${where}: no message.text`)
      if (!result.partialFingerprints || Object.keys(result.partialFingerprints).length === 0) problems.push(`${where}: no partialFingerprints`)
      if (result.level && !levels.has(result.level)) problems.push(`${where}: level ${result.level}`)
      const locations = result.locations ?? []
      if (locations.length === 0 || locations.length > 10) problems.push(`${where}: ${locations.length} locations`)
      const uri = locations[0]?.physicalLocation?.artifactLocation?.uri
      if (!uri) {
        problems.push(`${where}: expected a physical location (physicalLocation.artifactLocation.uri)`)
        continue
      }

      const scheme = /^([a-z][\d+.a-z-]*):/i.exec(uri)?.[1]
      if (scheme !== undefined && scheme.toLowerCase() !== 'file') problems.push(`${where}: unrecognized SARIF location URI scheme "${scheme}" in ${uri}`)
      if (/[\s"<>\\^`{|}]/.test(uri) || /%(?![\dA-F]{2})/i.test(uri)) problems.push(`${where}: an invalid URI was provided: ${uri}`)
      if (!((locations[0].physicalLocation?.region?.startLine ?? 0) >= 1)) problems.push(`${where}: region.startLine is required`)
    }
  }

  return problems
}

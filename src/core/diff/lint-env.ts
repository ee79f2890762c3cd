import {compareCniVersions, parseCniVersion} from '../cni-version.js'
import {suggestNearest} from '../suggest-nearest.js'
import {envValueProblem} from '../aws-node-env.js'
import {AWS_NODE_PATH, type ContainerSpec, INIT_PATH} from './daemonset-parts.js'
import type {LintFinding} from './diff-report.js'
import type {DiffReferenceData, EnvVarFact} from './reference-data.js'

/** Variables read by the AWS SDK or the Go HTTP proxy support, not by the CNI's own code: legitimately set on aws-node. */
const GENERIC_ENV = new Set([
  'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_ROLE_ARN', 'AWS_STS_REGIONAL_ENDPOINTS', 'AWS_WEB_IDENTITY_TOKEN_FILE',
  'HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'https_proxy', 'http_proxy', 'no_proxy',
])

function versionProblem(fact: EnvVarFact, running: string): LintFinding['message'] | undefined {
  const version = parseCniVersion(running)
  if (fact.since && compareCniVersions(version, parseCniVersion(fact.since)) < 0) return `${fact.name} needs ${fact.since}; ${running} ignores it`
  if (fact.deprecatedIn && compareCniVersions(version, parseCniVersion(fact.deprecatedIn)) >= 0) {
    return `${fact.name} is deprecated since ${fact.deprecatedIn}`
  }

  return undefined
}

/** Every variable some release's DaemonSet sets, in any container. */
function manifestVariables(data: DiffReferenceData): string[] {
  type Pod = {containers?: ContainerSpec[]; initContainers?: ContainerSpec[]}
  return [...data.baselines.values()].flatMap((ds) => {
    const pod = (ds.spec as {template?: {spec?: Pod}} | undefined)?.template?.spec ?? {}
    return [...(pod.containers ?? []), ...(pod.initContainers ?? [])].flatMap((c) => (c.env ?? []).map((e) => e.name))
  })
}

interface EnvNames {
  facts: Map<string, DiffReferenceData['envVars'][number]>
  known: Set<string>
}

const NAMES = new WeakMap<DiffReferenceData, EnvNames>()

/**
 * The variables the reference data knows, made once per data: walking every release's DaemonSet for them was most
 * of the lint's time, paid by each of doctor's checks that lint and again for each cluster of a fleet.
 */
function envNames(data: DiffReferenceData): EnvNames {
  let names = NAMES.get(data)
  if (!names) {
    const facts = new Map(data.envVars.map((f) => [f.name, f]))
    names = {facts, known: new Set([...facts.keys(), ...manifestVariables(data)])}
    NAMES.set(data, names)
  }

  return names
}

/** Unknown names (with did-you-mean), values ipamd cannot parse, and variables the running release does not read. */
export function lintEnv(containers: Array<ContainerSpec | undefined>, running: string, data: DiffReferenceData): LintFinding[] {
  const {facts, known} = envNames(data)
  const findings: LintFinding[] = []
  for (const container of containers) {
    if (!container) continue
    const prefix = container.name === 'aws-node' ? AWS_NODE_PATH : INIT_PATH
    for (const item of container.env ?? []) {
      const path = `${prefix}.env[name="${item.name}"]`
      if (!known.has(item.name) && !GENERIC_ENV.has(item.name)) {
        const suggestions = suggestNearest(item.name, known)
        const hint = suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : ''
        findings.push({id: 'unknown-env', message: `${item.name} is not a variable the VPC CNI reads${hint}`, path, severity: 'warning', suggestions})
        continue
      }

      const fact = facts.get(item.name)
      if (!fact) continue
      const problem = typeof item.value === 'string' ? envValueProblem(fact, item.value) : undefined
      if (problem) findings.push({id: 'env-type', message: `${item.name}="${item.value}": ${problem}`, path, severity: 'error'})
      const version = versionProblem(fact, running)
      if (version) findings.push({id: 'env-version', message: version, path, severity: 'warning'})
    }
  }

  return findings
}

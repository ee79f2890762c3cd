import {existsSync, readFileSync} from 'node:fs'
import {homedir} from 'node:os'
import {delimiter, dirname, join} from 'node:path'

import type {KubeConfig} from '@kubernetes/client-node'
import {parse} from 'yaml'

import {oneLine} from '../../core/one-line.js'
import {quoteInput} from '../../core/quote-input.js'
import {suggestContexts} from '../../core/suggest-context.js'
import {SourceError, UserError} from '../../errors.js'

type KubeConfigClass = typeof import('@kubernetes/client-node').KubeConfig

/** The merged kubeconfig, and the files it was looked for in (a message about a missing context names them). */
export interface KubeconfigFiles {
  config: KubeConfig
  /** No file was found and the pod's service account stands in: no context there names the EKS cluster. */
  inCluster?: true
  searched: string[]
}

/**
 * The kubeconfig a command reads: `--kubeconfig`'s file, else KUBECONFIG's files merged (else a pod's service account).
 * A file that cannot be read as one is bad input naming it.
 */
export function readKubeconfig(KubeConfigClass: KubeConfigClass, kubeconfig: string | undefined, inClusterRoot = ''): KubeconfigFiles {
  try {
    if (kubeconfig) {
      if (!existsSync(kubeconfig)) throw new UserError(`kubeconfig ${kubeconfig} does not exist`)
      return {config: loadKubeconfigFile(KubeConfigClass, kubeconfig), searched: [kubeconfig]}
    }

    return readKubeconfigFiles(KubeConfigClass, process.env.KUBECONFIG, inClusterRoot)
  } catch (error) {
    if (error instanceof UserError) throw error
    throw new UserError(`cannot read the kubeconfig: ${oneLine((error as Error).message ?? String(error))}`, {cause: error})
  }
}

/** No context at all, with or without --context: the cluster is out of reach (exit 3), naming the files looked in. */
export function noContextFound(searched: string[]): SourceError {
  // A file that is there but holds no context (empty, `{}`) wants a context, not another --kubeconfig.
  const found = searched.filter((file) => existsSync(file))
  return new SourceError('kubernetes:kubeconfig', `no kubeconfig context found (looked in ${searched.join(', ') || 'no file'})`, {
    hint: found.length > 0
      ? `${found.join(', ')} ${found.length === 1 ? 'has' : 'have'} no context: aws eks update-kubeconfig --name CLUSTER --kubeconfig ${found[0]} writes one`
      : 'pass --kubeconfig or set KUBECONFIG',
    outOfReach: true,
  })
}

/**
 * Quoted whole up to the longest EKS ARN context (`arn:aws-us-gov:eks:us-gov-west-1:ACCOUNT:cluster/` and a name of 100):
 * cut at the usual 40 characters, an ARN would lose its cluster name, the part a typo is in.
 */
const CONTEXT_QUOTED_MAX = 160

/** A --context the kubeconfig does not have: bad input with the nearest names, else the first few there are. */
export function unknownContext(wanted: string, names: string[]): UserError {
  const message = `kubeconfig has no context ${quoteInput(wanted, CONTEXT_QUOTED_MAX)}`
  // A comma-separated list (as kubectl takes no list either): each its own --context, for a fleet.
  const parts = wanted.split(',').map((part) => part.trim())
  if (parts.length > 1 && parts.every((part) => names.includes(part))) {
    return new UserError(message, {hint: `give each its own --context: ${parts.map((part) => `--context ${part}`).join(' ')}`})
  }

  const suggestions = suggestContexts(wanted, names)
  return new UserError(message, {
    hint: suggestions.length > 0 ? undefined : `its contexts: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`,
    suggestions,
  })
}

/**
 * KUBECONFIG merged as kubectl merges it: the first file to name a cluster, user, context or current-context wins
 * (client-node's own merge throws on a shared name). No file inside a pod (KUBERNETES_SERVICE_HOST set): its service
 * account, as kubectl does: the token and CA under IN_CLUSTER_ROOT/var/run/secrets/kubernetes.io/serviceaccount.
 */
function readKubeconfigFiles(KubeConfigClass: KubeConfigClass, env: string | undefined, inClusterRoot = ''): KubeconfigFiles {
  const searched = env ? env.split(delimiter).filter(Boolean) : [join(homedir(), '.kube', 'config')]
  const merged = new KubeConfigClass()
  const seen = {clusters: new Set<string>(), contexts: new Set<string>(), users: new Set<string>()}
  const options = {clusters: [] as KubeConfig['clusters'], contexts: [] as KubeConfig['contexts'], currentContext: '', users: [] as KubeConfig['users']}
  const existing = searched.filter((file) => existsSync(file))
  if (existing.length === 0 && process.env.KUBERNETES_SERVICE_HOST) {
    merged.loadFromCluster(inClusterRoot)
    return {config: merged, inCluster: true, searched}
  }

  for (const file of existing) {
    const config = loadKubeconfigFile(KubeConfigClass, file)
    for (const kind of ['clusters', 'contexts', 'users'] as const) {
      for (const entry of config[kind]) {
        if (seen[kind].has(entry.name)) continue
        seen[kind].add(entry.name)
        ;(options[kind] as Array<{name: string}>).push(entry)
      }
    }

    options.currentContext ||= config.getCurrentContext() ?? ''
  }

  merged.loadFromOptions(options)
  return {config: merged, searched}
}

type Parsed = Pick<KubeConfig, 'clusters' | 'contexts' | 'currentContext' | 'users'>

/** The text last read from each kubeconfig file, and what client-node parsed it to. */
const parsedFiles = new Map<string, {parsed: Parsed; text: string}>()

/**
 * A kubeconfig file as client-node's loadFromFile reads it (relative paths made absolute), parsed once per text: a
 * fleet reads one file for its list of contexts, then for each context's connection and EKS name, and parsing it each
 * time grew with contexts × contexts (~3.6 ms a parse at 100 contexts: ~0.7 s of a fleet's CPU). client-node's own
 * errors pass through. Each call gets a KubeConfig of its own (its current context is its own to set).
 */
export function parseKubeconfigFile(KubeConfigClass: KubeConfigClass, file: string): KubeConfig {
  const text = readFileSync(file, 'utf8')
  let kept = parsedFiles.get(file)
  if (kept?.text !== text) {
    const config = new KubeConfigClass()
    // An empty file is an empty kubeconfig, as kubectl reads it (client-node would fail on it with a TypeError). A
    // document that is not a mapping (a list, a word: --kubeconfig /etc/hostname) is none, which client-node reads as
    // a kubeconfig with nothing in it (exit 3, "no kubeconfig context found", as if the file were missing).
    if (text.trim() !== '') {
      config.loadFromString(text)
      if (config.contexts.length + config.clusters.length + config.users.length === 0) refuseNonMapping(parse(text))
    }

    config.makePathsAbsolute(dirname(file))
    kept = {parsed: {clusters: config.clusters, contexts: config.contexts, currentContext: config.currentContext, users: config.users}, text}
    parsedFiles.set(file, kept)
  }

  const config = new KubeConfigClass()
  config.loadFromOptions({...kept.parsed})
  return config
}

function refuseNonMapping(document: unknown): void {
  if (document === null || (typeof document === 'object' && !Array.isArray(document))) return
  throw new Error(`it is not a kubeconfig: its YAML is ${Array.isArray(document) ? 'a list' : `a ${typeof document}`}, not a mapping`)
}

/** One kubeconfig file; one that is not a kubeconfig (bad YAML, binary, wrong shape) is bad input naming the file. */
export function loadKubeconfigFile(KubeConfigClass: KubeConfigClass, file: string): KubeConfig {
  try {
    return parseKubeconfigFile(KubeConfigClass, file)
  } catch (error) {
    throw new UserError(`cannot read the kubeconfig ${file}: ${oneLine((error as Error).message ?? String(error))}`, {
      cause: error,
      hint: `kubectl config view --kubeconfig ${file} shows what kubectl makes of it`,
    })
  }
}

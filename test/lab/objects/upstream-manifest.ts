import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {parseAllDocuments} from 'yaml'

import {projectRoot} from '../../helpers/run-command.js'

type Json = {[key: string]: unknown}

let documents: Json[] | undefined

/** An object of the upstream aws-node manifest (../shared/data/aws-k8s-cni.yaml, v1.23.1), deep-copied. */
export function upstreamObject(kind: string, name: string): Json {
  if (!documents) {
    const path = join(projectRoot, '../shared/data/aws-k8s-cni.yaml')
    documents = parseAllDocuments(readFileSync(path, 'utf8')).map((d) => d.toJS() as Json).filter(Boolean)
  }

  const found = documents.find((d) => d.kind === kind && (d.metadata as Json).name === name)
  if (!found) throw new Error(`aws-k8s-cni.yaml has no ${kind} ${name}`)
  return structuredClone(found)
}

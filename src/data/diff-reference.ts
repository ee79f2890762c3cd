import {gunzipSync} from 'node:zlib'

import type {KubeObject} from '../core/diff/diff-report.js'
import type {DiffReferenceData} from '../core/diff/reference-data.js'
import {ADDON_SCHEMA_KEYS} from './addon-config-schema.js'
import {BASELINE_DATA_SOURCES, BASELINE_VERSIONS, BASELINES_GZIP_BASE64} from './aws-node-baselines.generated.js'
import {AWS_NODE_ENV_VARS, ENV_DATA_SOURCE} from './aws-node-env.generated.js'
import {EKS_MANAGED_FIELDS} from './eks-managed-fields.js'
import {EKS_TUNING_VARIABLES} from './eks-tuning-variables.js'

/** The release DaemonSets, unpacked once when diff (or doctor) first loads this module: about 2 ms. */
function unpackBaselines(): ReadonlyMap<string, KubeObject> {
  const objects = JSON.parse(gunzipSync(Buffer.from(BASELINES_GZIP_BASE64, 'base64')).toString('utf8')) as KubeObject[]
  return new Map(BASELINE_VERSIONS.map((version, i) => [version, objects[i]]))
}

/** The embedded reference data `vpccni diff` compares against (regenerate with scripts/update-diff-data.ts). */
export const DIFF_REFERENCE_DATA: DiffReferenceData = {
  addonSchema: ADDON_SCHEMA_KEYS,
  baselines: unpackBaselines(),
  envVars: AWS_NODE_ENV_VARS,
  managedFields: EKS_MANAGED_FIELDS,
  sources: [...BASELINE_DATA_SOURCES, ENV_DATA_SOURCE, {description: ADDON_SCHEMA_KEYS.source}],
  tuningVariables: EKS_TUNING_VARIABLES,
}

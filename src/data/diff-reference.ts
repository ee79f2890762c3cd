import type {DiffReferenceData} from '../core/diff/reference-data.js'
import {ADDON_SCHEMA_KEYS} from './addon-config-schema.js'
import {AWS_NODE_ENV_VARS, ENV_DATA_SOURCE} from './aws-node-env.generated.js'
import {
  MANIFEST_DATA_SOURCES,
  MANIFEST_ENV_HISTORY,
  MANIFEST_TEMPLATE,
  MANIFEST_TEMPLATE_VERSION,
  RELEASE_MANIFESTS,
} from './aws-node-manifest.generated.js'
import {EKS_MANAGED_FIELDS} from './eks-managed-fields.js'

/** The embedded reference data `vpccni diff` compares against (regenerate with scripts/update-diff-data.ts). */
export const DIFF_REFERENCE_DATA: DiffReferenceData = {
  addonSchema: ADDON_SCHEMA_KEYS,
  envVars: AWS_NODE_ENV_VARS,
  managedFields: EKS_MANAGED_FIELDS,
  manifestEnv: MANIFEST_ENV_HISTORY,
  releases: RELEASE_MANIFESTS,
  sources: [...MANIFEST_DATA_SOURCES, ENV_DATA_SOURCE, {description: ADDON_SCHEMA_KEYS.source}],
  template: {object: MANIFEST_TEMPLATE, version: MANIFEST_TEMPLATE_VERSION},
}

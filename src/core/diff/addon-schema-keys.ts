import type {AddonSchemaKeys} from './reference-data.js'

interface SchemaNode {
  $ref?: string
  definitions?: Record<string, SchemaNode>
  properties?: Record<string, SchemaNode>
}

/** Follows local references (`#/definitions/Env`) a few levels deep; EKS's schemas nest no further. */
function resolve(root: SchemaNode, node: SchemaNode | undefined, depth = 0): SchemaNode | undefined {
  if (!node?.$ref || depth > 8) return node
  if (!node.$ref.startsWith('#/')) return undefined
  const target = node.$ref.slice(2).split('/').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], root)
  return resolve(root, target as SchemaNode | undefined, depth + 1)
}

function propertiesOf(root: SchemaNode, node: SchemaNode | undefined): Record<string, SchemaNode> {
  const properties = resolve(root, node)?.properties
  return typeof properties === 'object' && properties !== null ? properties : {}
}

/**
 * The keys one add-on version's `configurationSchema` (DescribeAddonConfiguration, a JSON Schema as a string)
 * accepts; undefined when the text is not such a schema.
 */
export function parseAddonSchema(text: string, addonVersion: string): AddonSchemaKeys | undefined {
  let root: SchemaNode
  try {
    root = JSON.parse(text) as SchemaNode
  } catch {
    return undefined
  }

  const top = propertiesOf(root, root)
  if (Object.keys(top).length === 0) return undefined
  const init = propertiesOf(root, top.init)
  const sorted = (node: SchemaNode | undefined) => Object.keys(propertiesOf(root, node)).sort()
  return {
    addonVersion,
    env: sorted(top.env),
    initEnv: sorted(init.env),
    nodeAgent: sorted(top.nodeAgent),
    source: `EKS DescribeAddonConfiguration vpc-cni ${addonVersion}`,
    topLevel: Object.keys(top).sort(),
  }
}

/** The cluster's own schema when it was read and parses, else the embedded snapshot (with a warning if one was given). */
export function selectAddonSchema(
  given: undefined | {addonVersion: string; text: string},
  embedded: AddonSchemaKeys,
): {schema: AddonSchemaKeys; warning?: string} {
  if (!given) return {schema: embedded}
  const parsed = parseAddonSchema(given.text, given.addonVersion)
  if (parsed) return {schema: parsed}
  return {
    schema: embedded,
    warning: `the configuration schema of vpc-cni ${given.addonVersion} is not a JSON schema vpccni can read: ` +
      `configurationValues keys are checked against the embedded ${embedded.addonVersion} schema`,
  }
}

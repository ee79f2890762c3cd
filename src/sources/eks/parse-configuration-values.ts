/**
 * An add-on's configurationValues as an object: JSON or YAML, as `aws eks create-addon` accepts both. A value that is
 * not an object is none (undefined); text that is neither JSON nor YAML throws the parser's error.
 */
export async function parseConfigurationValues(text: string): Promise<Record<string, unknown> | undefined> {
  const {parse} = await import('yaml')
  const parsed: unknown = parse(text)
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined
}

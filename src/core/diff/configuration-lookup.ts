import type {ConfigurationAnswer, ConfiguredValue} from './classify-change.js'
import {settingsForChange} from './configuration-keys.js'
import type {AddonSchemaKeys} from './reference-data.js'
import {isSameValue} from './value-equivalence.js'

const at = (config: Record<string, unknown>, key: string[]) =>
  key.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], config)

/**
 * What the add-on's configurationValues (when known) say of a field: whether they set a value, and which. Without a
 * schema key (for all of it) EKS cannot have taken the value from configurationValues, known or not.
 */
export function configurationLookup(config: Record<string, unknown> | undefined, schema: AddonSchemaKeys, affinity: unknown) {
  const settings = (path: string, value: unknown, defaultValue?: unknown) => {
    const result = settingsForChange(path, value, schema, {affinity, default: defaultValue})
    return !result.settings || result.reason ? undefined : result.settings
  }

  return {
    configuredValue(path: string, value: unknown): ConfiguredValue {
      const wanted = settings(path, value)
      if (!wanted || wanted.length !== 1) return {answer: 'no-key'}
      if (!config) return {answer: 'unknown'}
      const found = at(config, wanted[0].key)
      return found === undefined ? {answer: 'absent'} : {answer: 'present', value: found}
    },
    fromConfiguration(path: string, value: unknown, defaultValue: unknown): ConfigurationAnswer {
      const wanted = settings(path, value, defaultValue)
      if (!wanted) return 'no-key'
      if (!config) return 'unknown'
      // Map key order differs between the configuration JSON and the object the API server serves (affinity).
      return wanted.every(({key, value: v}) => isSameValue(key.join('.'), at(config, key), v)) ? 'set' : 'not-set'
    },
  }
}

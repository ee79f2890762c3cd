/** The aws-node environment variables as facts, and how ipamd parses their values. */

/** How an aws-node environment value is checked: ipamd parses ints with strconv.Atoi and booleans with ParseBool. */
export type EnvValueKind = 'bool' | 'enum' | 'fieldRef' | 'int' | 'json' | 'string'

/** One environment variable of the aws-node DaemonSet (aws-node container or aws-vpc-cni-init). */
export interface EnvVarFact {
  /** Values an `enum` accepts. */
  allowed?: string[]
  /** Containers that read it. */
  containers: string[]
  /** The binary's default when the variable is unset; null when unset means "off". */
  default: null | string
  /** The release that stopped using it, if any. */
  deprecatedIn?: string
  kind: EnvValueKind
  name: string
  /** The release that introduced it; null when it predates v1.5. */
  since: null | string
}

/** Go's strconv.ParseBool, which ipamd uses: true/false, 1/0, t/f in any of Go's accepted cases. */
export function parseGoBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false
  return undefined
}

/** Why a value is not one ipamd can parse for this variable; undefined when it is fine. */
export function envValueProblem(fact: EnvVarFact, value: string): string | undefined {
  switch (fact.kind) {
    case 'bool': {
      return parseGoBool(value) === undefined ? 'expects true or false' : undefined
    }

    case 'enum': {
      return fact.allowed?.includes(value.toLowerCase()) ? undefined : `expects one of ${fact.allowed?.join(', ')}`
    }

    case 'int': {
      return /^-?\d+$/.test(value.trim()) ? undefined : 'expects an integer'
    }

    case 'json': {
      try {
        const parsed: unknown = JSON.parse(value)
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? undefined : 'expects a JSON object'
      } catch {
        return 'expects a JSON object'
      }
    }

    default: {
      return undefined
    }
  }
}

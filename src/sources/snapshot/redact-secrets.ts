/**
 * A snapshot is made to be shared, and aws-node's environment can hold credentials (an AWS secret key set by hand,
 * a proxy URL with a password). Before an answer is written: environment entries whose name says secret, token,
 * password or key lose their value, a URL's user:password part is dropped, and a JSON text (kubectl's
 * last-applied-configuration annotation repeats the whole env) is redacted the same way inside.
 */
export const NOT_RECORDED = '(not recorded)'

const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIAL|PRIVATE_KEY|ACCESS_KEY|API_KEY/i
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]*@/gi

function redactText(text: string): string {
  const trimmed = text.trimStart()
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(redactSecrets(JSON.parse(text)))
    } catch {
      // Not JSON after all: treat it as text.
    }
  }

  return text.replace(URL_CREDENTIALS, `$1${NOT_RECORDED}@`)
}

export function redactSecrets<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item)) as T
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value).map(([key, item]) => [key, redactSecrets(item)] as const)
  const object = Object.fromEntries(entries) as Record<string, unknown>
  if (typeof object.name === 'string' && typeof object.value === 'string' && SECRET_NAME.test(object.name)) {
    object.value = NOT_RECORDED
  }

  return object as T
}

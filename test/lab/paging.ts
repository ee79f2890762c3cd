import {LabStatus} from './status.js'

export interface Page<T> {
  continue?: string
  items: T[]
  remainingItemCount?: number
}

interface ContinueToken {
  /** The list's resourceVersion: a token from an older one has expired. */
  rv: string
  start: number
}

/**
 * One page of a list as the API server cuts it: `limit`, an opaque `continue` token, `remainingItemCount` (left out
 * when a selector filtered the list, as the API server does), 400 for a token that does not decode, 410 Expired for one
 * issued before the collection changed.
 */
export function pageList<T>(items: T[], query: URLSearchParams, resourceVersion: string, filtered: boolean): Page<T> {
  const token = query.get('continue')
  let start = 0
  if (token) {
    const decoded = decodeToken(token)
    if (decoded.rv !== resourceVersion) {
      throw new LabStatus(410, 'Expired', 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.')
    }

    start = decoded.start
  }

  const limit = Number(query.get('limit') ?? 0)
  if (!limit || start + limit >= items.length) return {items: items.slice(start)}
  const end = start + limit
  const page: Page<T> = {continue: encodeToken({rv: resourceVersion, start: end}), items: items.slice(start, end)}
  if (!filtered) page.remainingItemCount = items.length - end
  return page
}

function encodeToken(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({v: 'lab.k8s.io/v1', ...token})).toString('base64url')
}

function decodeToken(text: string): ContinueToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<ContinueToken> & {v?: string}
    if (token.v === 'lab.k8s.io/v1' && typeof token.rv === 'string' && Number.isInteger(token.start)) return token as ContinueToken
  } catch {
    // Falls through to the same answer as a well-formed JSON token of the wrong shape.
  }

  throw new LabStatus(400, 'BadRequest', `continue key is not valid: ${text.slice(0, 40)}`)
}

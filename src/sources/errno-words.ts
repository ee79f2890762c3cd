/**
 * The system's error codes in words, for files and connections alike: ENOENT or ECONNREFUSED says little to someone who
 * only gave a path or a URL.
 */
const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EAI_AGAIN: 'its name could not be looked up now',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'no route to the host',
  EISDIR: 'it is a folder',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  ENETUNREACH: 'the network is unreachable',
  ENOENT: 'no such file',
  ENOSPC: 'no space left on the device',
  ENOTDIR: 'a part of the path is not a folder',
  ENOTFOUND: 'its name does not resolve',
  EPERM: 'permission denied',
  EPIPE: 'connection closed',
  EROFS: 'the file system is read-only',
  ETIMEDOUT: 'the connection timed out',
}

/** CODE in words, or undefined for a code the table does not know. */
export const wordsOfCode = (code: string | undefined): string | undefined => (code ? WORDS[code] : undefined)

/**
 * An error's code in words. OVERRIDES words a code for the caller's context (a folder looked for, a file about to be
 * created); an unknown code is shown as it is.
 */
export function errnoWords(error: unknown, overrides: Record<string, string> = {}): string {
  const {code, message} = error as NodeJS.ErrnoException
  if (code) return overrides[code] ?? wordsOfCode(code) ?? code
  return message ?? String(error)
}

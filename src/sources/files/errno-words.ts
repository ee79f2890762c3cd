/**
 * The system's error code in words: ENOENT says little to someone who only gave a path. OVERRIDES words a code for the
 * caller's context (a folder looked for, a file about to be created); an unknown code is shown as it is.
 */
const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EISDIR: 'it is a folder',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  ENOENT: 'no such file',
  ENOSPC: 'no space left on the device',
  ENOTDIR: 'a part of the path is not a folder',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
}

export function errnoWords(error: unknown, overrides: Record<string, string> = {}): string {
  const {code, message} = error as NodeJS.ErrnoException
  if (code) return overrides[code] ?? WORDS[code] ?? code
  return message ?? String(error)
}

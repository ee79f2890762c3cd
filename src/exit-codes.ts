/** Exit codes of every vpccni command: part of the public command-line contract. */
export const ExitCode = {
  /** The command worked and found nothing wrong. */
  Ok: 0,
  /** The command worked and found a problem: incompatible, drift EKS will contest or restore, doctor errors. */
  ProblemFound: 1,
  /** Bad usage or bad input: unknown instance type, malformed version, unreadable file. */
  BadInput: 2,
  /** A source could not be reached or refused: no credentials, 403, timeout. */
  SourceUnreachable: 3,
  /** A bug in vpccni. */
  Internal: 4,
} as const

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode]

export const EXIT_CODES_HELP = [
  '0  ok',
  '1  the command worked and found a problem',
  '2  bad usage or bad input',
  '3  a source could not be reached or refused (credentials, permission, timeout)',
  '4  internal error',
].join('\n')

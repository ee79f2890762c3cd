/**
 * Spread into every Flags.integer (issue 12): a count beyond 2^53 cannot be held exactly, so it is bad input, as the
 * numbers of a version are. oclif then answers `Expected an integer less than or equal to …` and exit 2.
 */
export const WHOLE_NUMBER = {max: Number.MAX_SAFE_INTEGER}

/**
 * --request-timeout: Node's timers hold at most 2^31-1 ms (about 24.8 days); a longer one fires at once. A day is
 * longer than any wait a user means.
 */
export const MAX_REQUEST_TIMEOUT_S = 86_400

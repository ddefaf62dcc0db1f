import { SearchUnavailableError } from '../errors.ts'

/**
 * How long the relay waits before trying a failed batch again: exponential,
 * capped, with jitter (a random point in the upper half of the delay) so that
 * several processes do not hammer a recovering engine in step.
 *
 * An unavailable engine usually comes back within minutes: start at 1 s, cap
 * at 1 min. A refusal (or an unexpected error) needs a fix, a deploy or a
 * reindex; the events wait for it, so try again slowly: from 10 s, capped at
 * 10 min.
 */
export const BACKOFF = {
  unavailable: { firstMs: 1000, maxMs: 60_000 },
  refused: { firstMs: 10_000, maxMs: 600_000 },
} as const

export function retryDelay(attempt: number, error: unknown, random: () => number = Math.random): number {
  const { firstMs, maxMs } = error instanceof SearchUnavailableError ? BACKOFF.unavailable : BACKOFF.refused
  const delay = Math.min(maxMs, firstMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)))
  return Math.round(delay / 2 + (delay / 2) * random())
}

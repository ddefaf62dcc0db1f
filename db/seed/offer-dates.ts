import type { OfferStatus } from '../domain.ts'
import type { Random } from './random.ts'

export type OfferDates = {
  published_at: string | null
  expires_at: string | null
  start_date: string | null
  created_at: string
  updated_at: string
}

const MINUTE = 60_000
const DAY = 86_400_000
export const OFFER_LIFETIME_DAYS = 60
/** Published offers whose expiry date has passed without the status changing: search must hide them. */
const STALE_SHARE = 0.03

/**
 * Timestamps consistent with the status, relative to `now`:
 * created ≤ published ≤ updated ≤ now, and expires = published + 60 days.
 */
export function generateOfferDates(rng: Random, status: OfferStatus, now: Date): OfferDates {
  const nowMs = now.getTime()
  const daysAgo = (min: number, max: number) => nowMs - (min + rng.next() * (max - min)) * DAY
  const start_date = rng.chance(0.6) ? new Date(nowMs + rng.int(0, 90) * DAY).toISOString().slice(0, 10) : null

  if (status === 'draft' || status === 'pending') {
    const created = daysAgo(0, status === 'draft' ? 20 : 7)
    const updated = created + rng.next() * (nowMs - created)
    return { published_at: null, expires_at: null, start_date, created_at: iso(created), updated_at: iso(updated) }
  }

  const published =
    status === 'expired' || (status === 'published' && rng.chance(STALE_SHARE))
      ? daysAgo(OFFER_LIFETIME_DAYS + 1, OFFER_LIFETIME_DAYS + 60)
      : status === 'closed'
        ? daysAgo(5, 45)
        : daysAgo(0, 45)
  const expires = published + OFFER_LIFETIME_DAYS * DAY
  const created = published - rng.next() * 3 * DAY
  const updated =
    status === 'expired' ? expires
    : status === 'closed' ? published + rng.next() * (nowMs - published)
    : rng.chance(0.2) ? published + rng.next() * Math.min(nowMs - published, 5 * DAY)
    : published
  return {
    published_at: iso(published),
    expires_at: iso(expires),
    start_date,
    created_at: iso(created),
    updated_at: iso(updated),
  }
}

// Whole minutes: nobody publishes at 09:13:27.481.
const iso = (ms: number) => new Date(Math.floor(ms / MINUTE) * MINUTE).toISOString()

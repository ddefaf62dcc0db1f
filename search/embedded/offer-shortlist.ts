import { REMOTE_POLICIES } from '#db/domain.ts'
import { distanceKm } from '../geo.ts'
import { withRelatedSkills } from '../match-shortlist.ts'
import { DISTANCE_ZERO_AT } from '../matching/weights.ts'
import { reachKm } from '../matching/score-criteria.ts'
import type { MatchProfile } from '../matching/score.ts'
import type { OfferStore } from './offer-store.ts'

const FULL_REMOTE = REMOTE_POLICIES.indexOf('full_remote')

/**
 * "Offers for this candidate", first step, on the engine's in-memory store
 * rather than by ranking every text match in FTS5 (which grows with the
 * board: 51,000 matches and 115 ms at 100,000 offers). One pass over typed
 * arrays applies the hard filters (open, not expired, within the distance
 * where the scorer still gives credit; full remote and unknown places always
 * pass) and keeps the offers sharing a skill with the candidate, ranked by
 * the share of their skills the candidate has (own skills count 1, related
 * ones 1/2: what the scorer's largest criterion rewards), then nearest,
 * then newest. Only the best `size` go to the scorer.
 */
export function shortlistOffers(store: OfferStore, profile: MatchProfile, size: number, nowMs: number): number[] {
  const own = profile.skills.map((s) => s.slug)
  const credit = new Float32Array(store.skills.size)
  for (const slug of withRelatedSkills(own)) {
    const code = store.skills.find(slug)
    if (code !== undefined) credit[code] = Math.max(credit[code]!, own.includes(slug) ? 1 : 0.5)
  }
  // Distance and reach per place and remote policy, computed once per place.
  const placeKm = new Float64Array(store.places.size).fill(Number.NaN)
  if (profile.place) {
    for (let p = 0; p < placeKm.length; p++) {
      const lat = store.placeLatitude[p]!
      if (!Number.isNaN(lat)) placeKm[p] = distanceKm(profile.place.latitude, profile.place.longitude, lat, store.placeLongitude[p]!)
    }
  }
  const limitKm = REMOTE_POLICIES.map((policy) => reachKm(profile.mobilityKm, policy) * DISTANCE_ZERO_AT)

  const { live, expiresAt, remote, place, skillCodes } = store
  const slots: number[] = []
  const share: number[] = []
  const km: number[] = []
  for (let slot = 0; slot < store.length; slot++) {
    if (!live[slot] || expiresAt[slot]! <= nowMs) continue
    const count = skillCodes.count[slot]!
    if (count === 0) continue
    let sum = 0
    for (let k = skillCodes.start[slot]!, end = k + count; k < end; k++) sum += credit[skillCodes.data[k]!]!
    if (sum === 0) continue
    const distance = placeKm[place[slot]!]!
    if (remote[slot] !== FULL_REMOTE && distance > limitKm[remote[slot]!]!) continue
    slots.push(slot)
    share.push(sum / count)
    km.push(Number.isNaN(distance) || remote[slot] === FULL_REMOTE ? 0 : distance)
  }
  // The best `size` by one numeric key (a native typed-array sort), then only those (and ties) by the full order.
  const key = (i: number) => Math.round(share[i]! * 1e4) * 1e6 - Math.min(km[i]!, 999_999)
  let chosen = slots.map((_, i) => i)
  if (chosen.length > size) {
    const keys = Float64Array.from(chosen, key).sort()
    const threshold = keys[keys.length - size]!
    chosen = chosen.filter((i) => key(i) >= threshold)
  }
  const order = chosen
  order.sort((a, b) => share[b]! - share[a]! || km[a]! - km[b]! || store.publishedAt[slots[b]!]! - store.publishedAt[slots[a]!]! || store.ids[slots[a]!]! - store.ids[slots[b]!]!)
  return order.slice(0, size).map((i) => store.ids[slots[i]!]!)
}

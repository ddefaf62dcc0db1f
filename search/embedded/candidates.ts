import { CONTRACT_TYPES, EXPERIENCE_LEVELS, REMOTE_POLICIES } from '#db/domain.ts'
import { distanceKm } from '../geo.ts'
import { FACETS, type FacetName, type OfferQuery } from '../types.ts'
import type { Dictionary, OfferStore } from './offer-store.ts'

const DAY_MS = 86_400_000
/** Bit of each filter in a candidate's mask of failed filters. */
export const BIT = Object.fromEntries(FACETS.map((f, i) => [f, 1 << i])) as Record<FacetName, number>

/** Offers visible now, each with the filters it fails (0: it is a result). */
export type Candidates = {
  slots: Int32Array
  failedMask: Uint16Array
  distances: Float64Array
  count: number
  /** Distance of each place from the centre, when there is one. */
  placeDistance: Float64Array | null
}

/** The query's filters as lookup tables over the store's integer codes. */
export type Filters = ReturnType<typeof compileFilters>

export function compileFilters(store: OfferStore, query: OfferQuery, nowMs: number, center: { latitude: number; longitude: number } | null) {
  return {
    nowMs,
    contract: allowed(query.contracts, (v) => CONTRACT_TYPES.indexOf(v), CONTRACT_TYPES.length),
    remote: allowed(query.remote, (v) => REMOTE_POLICIES.indexOf(v), REMOTE_POLICIES.length),
    experience: allowed(query.experience, (v) => EXPERIENCE_LEVELS.indexOf(v), EXPERIENCE_LEVELS.length),
    territory: allowedIn(store.territories, query.territories),
    company: allowedIn(store.companies, query.companies),
    occupation: allowedIn(store.occupations, query.occupations),
    skills: query.skills.map((s) => store.skills.find(s) ?? -1),
    postedAfter: query.postedWithinDays ? nowMs - query.postedWithinDays * DAY_MS : Number.NEGATIVE_INFINITY,
    salaryMin: query.salaryMin ?? Number.NaN,
    center,
    radiusKm: center && query.near ? query.near.radiusKm : Number.POSITIVE_INFINITY,
  }
}

/**
 * Every visible offer (or every one the words matched), with the filters it
 * fails. A small function on purpose: V8 optimises the loop as a whole.
 */
export function collectCandidates(store: OfferStore, filters: Filters, matched: Int32Array | null): Candidates {
  const capacity = matched ? matched.length : store.length
  const slots = new Int32Array(capacity)
  const failedMask = new Uint16Array(capacity)
  const distances = new Float64Array(capacity).fill(Number.NaN)
  const { live, expiresAt, publishedAt, contract, remote, experience, territory, company, occupation, salary, place } = store
  const { nowMs, center, radiusKm, postedAfter, salaryMin } = filters
  const placeDistance = center ? distancesFrom(store, center) : null
  const checkSalary = !Number.isNaN(salaryMin)
  let count = 0
  const total = matched ? matched.length : store.length
  for (let k = 0; k < total; k++) {
    const slot = matched ? matched[k]! : k
    if (!live[slot] || expiresAt[slot]! <= nowMs || publishedAt[slot]! > nowMs) continue
    let failed = 0
    if (filters.contract && !filters.contract[contract[slot]!]) failed |= BIT.contract
    if (filters.remote && !filters.remote[remote[slot]!]) failed |= BIT.remote
    if (filters.experience && !filters.experience[experience[slot]!]) failed |= BIT.experience
    if (filters.territory && !(territory[slot]! >= 0 && filters.territory[territory[slot]!])) failed |= BIT.territory
    if (filters.company && !filters.company[company[slot]!]) failed |= BIT.company
    if (filters.occupation && !(occupation[slot]! >= 0 && filters.occupation[occupation[slot]!])) failed |= BIT.occupation
    if (filters.skills.length && !hasAll(store, slot, filters.skills)) failed |= BIT.skill
    if (publishedAt[slot]! < postedAfter) failed |= BIT.postedWithin
    if (checkSalary && !(salary[slot]! >= salaryMin)) failed |= BIT.salaryMin
    if (placeDistance) {
      const distance = placeDistance[place[slot]!]!
      if (!(distance <= radiusKm)) failed |= BIT.radius
      distances[count] = distance
    }
    slots[count] = slot
    failedMask[count] = failed
    count++
  }
  return { slots, failedMask, distances, count, placeDistance }
}

/** Distance from the centre to every place an offer is in (NaN: place not located). */
function distancesFrom(store: OfferStore, center: { latitude: number; longitude: number }): Float64Array {
  const distances = new Float64Array(store.places.size)
  for (let p = 0; p < distances.length; p++) {
    const lat = store.placeLatitude[p]!
    distances[p] = Number.isNaN(lat) ? Number.NaN : distanceKm(center.latitude, center.longitude, lat, store.placeLongitude[p]!)
  }
  return distances
}

function hasAll(store: OfferStore, slot: number, codes: number[]): boolean {
  for (const code of codes) if (!store.skillCodes.includes(slot, code)) return false
  return true
}

/** A lookup table of the allowed codes, or null when the filter is off. */
function allowed<T>(values: T[], codeOf: (value: T) => number, size: number): Uint8Array | null {
  if (values.length === 0) return null
  const table = new Uint8Array(size)
  for (const value of values) {
    const code = codeOf(value)
    if (code >= 0) table[code] = 1
  }
  return table
}

function allowedIn(dictionary: Dictionary, values: string[]): Uint8Array | null {
  return allowed(values, (v) => dictionary.find(v) ?? -1, dictionary.size)
}

import { distanceKm } from '../geo.ts'
import type { Place } from './score.ts'

/**
 * Distances from a forum's candidates to its offers, each computed once per
 * pair of distinct places: the people of a regional forum live in a few dozen
 * communes, and a profile's place is its commune's. Same call to distanceKm
 * as scoreMatch, so the same km to the bit.
 */
export class PlaceDistances {
  private readonly fromPlaces: Place[] = []
  private readonly toPlaces: Place[] = []
  /** Each candidate's and offer's place among the distinct ones, -1 when unknown. */
  private readonly fromIndex: Int32Array
  private readonly toIndex: Int32Array
  /** km by (distinct from, distinct to), NaN until asked; null past `maxCached` pairs (places finer than communes). */
  private readonly km: Float64Array | null

  constructor(from: readonly (Place | null)[], to: readonly (Place | null)[], { maxCached = 4_000_000 } = {}) {
    this.fromIndex = distinctPlaces(from, this.fromPlaces)
    this.toIndex = distinctPlaces(to, this.toPlaces)
    const pairs = this.fromPlaces.length * this.toPlaces.length
    this.km = pairs <= maxCached ? new Float64Array(pairs).fill(NaN) : null
  }

  /** Null when either place is unknown. */
  between(from: number, to: number): number | null {
    const a = this.fromIndex[from]!
    const b = this.toIndex[to]!
    if (a < 0 || b < 0) return null
    const at = a * this.toPlaces.length + b
    let km = this.km ? this.km[at]! : NaN
    if (Number.isNaN(km)) {
      const p = this.fromPlaces[a]!
      const q = this.toPlaces[b]!
      km = distanceKm(p.latitude, p.longitude, q.latitude, q.longitude)
      if (this.km) this.km[at] = km
    }
    return km
  }
}

function distinctPlaces(places: readonly (Place | null)[], distinct: Place[]): Int32Array {
  const ids = new Map<string, number>()
  return Int32Array.from(places, (place) => {
    if (!place) return -1
    const key = `${place.latitude} ${place.longitude}`
    let id = ids.get(key)
    if (id === undefined) ids.set(key, (id = distinct.push(place) - 1))
    return id
  })
}

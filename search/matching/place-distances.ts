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
  /** km by (distinct from, distinct to), NaN until asked. */
  private readonly km: Float64Array

  constructor(from: readonly (Place | null)[], to: readonly (Place | null)[]) {
    this.fromIndex = distinctPlaces(from, this.fromPlaces)
    this.toIndex = distinctPlaces(to, this.toPlaces)
    this.km = new Float64Array(this.fromPlaces.length * this.toPlaces.length).fill(NaN)
  }

  /** Null when either place is unknown. */
  between(from: number, to: number): number | null {
    const a = this.fromIndex[from]!
    const b = this.toIndex[to]!
    if (a < 0 || b < 0) return null
    const at = a * this.toPlaces.length + b
    let km = this.km[at]!
    if (Number.isNaN(km)) {
      const p = this.fromPlaces[a]!
      const q = this.toPlaces[b]!
      this.km[at] = km = distanceKm(p.latitude, p.longitude, q.latitude, q.longitude)
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

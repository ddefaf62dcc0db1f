import { expect, test } from 'vitest'
import { distanceKm } from '../geo.ts'
import { PLACES } from './fixtures.ts'
import { PlaceDistances } from './place-distances.ts'

const { calais, dunkerque, boulogne, lille } = PLACES
// Four distinct places on one side, two on the other, some repeated.
const candidates = [calais, null, dunkerque, calais, { ...boulogne }, lille]
const offers = [lille, calais, null, lille]

test.each([
  ['cached per pair of places', undefined],
  ['past the cache limit, computed each time', 0],
])('gives the km distanceKm gives, null when a place is unknown (%s)', (_, maxCached) => {
  const distances = new PlaceDistances(candidates, offers, { maxCached })
  for (const [i, from] of candidates.entries()) {
    for (const [o, to] of offers.entries()) {
      const expected = from && to ? distanceKm(from.latitude, from.longitude, to.latitude, to.longitude) : null
      // Twice: the second answer may come from the cache.
      expect(distances.between(i, o)).toBe(expected)
      expect(distances.between(i, o)).toBe(expected)
    }
  }
})

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { offerArb, place, profileArb } from './arbitraries.ts'
import { NOW } from './fixtures.ts'
import { scoreMatch } from './score.ts'

describe('scoreMatch properties', () => {
  test('the score is always an integer from 0 to 100', () => {
    fc.assert(fc.property(profileArb, offerArb, (p, o) => {
      const { score } = scoreMatch(p, o, { now: NOW })
      expect(Number.isInteger(score)).toBe(true)
      expect(score).toBeGreaterThanOrEqual(0)
      expect(score).toBeLessThanOrEqual(100)
    }))
  })

  test('learning a missing required skill never lowers the score', () => {
    fc.assert(fc.property(profileArb, offerArb, fc.integer({ min: 1, max: 4 }), (p, o, level) => {
      const missing = o.skills.find((s) => s.required && !p.skills.some((own) => own.slug === s.slug))
      fc.pre(missing !== undefined)
      const better = { ...p, skills: [...p.skills, { slug: missing!.slug, name: missing!.name, level }] }
      expect(scoreMatch(better, o, { now: NOW }).score).toBeGreaterThanOrEqual(scoreMatch(p, o, { now: NOW }).score)
      expect(scoreMatch(better, o, { now: NOW }).reasons.requiredMissing).not.toContain(missing!.name)
    }))
  })

  test('moving the candidate closer to the offer never lowers the score', () => {
    fc.assert(fc.property(profileArb, offerArb, place, place, fc.double({ min: 0, max: 1, noNaN: true }), (p, o, home, work, t) => {
      // `closer` lies on the segment from home to the offer.
      const closer = { latitude: home.latitude + (work.latitude - home.latitude) * t, longitude: home.longitude + (work.longitude - home.longitude) * t }
      const offerThere = { ...o, place: work }
      const far = scoreMatch({ ...p, place: home }, offerThere, { now: NOW }).score
      const near = scoreMatch({ ...p, place: closer }, offerThere, { now: NOW }).score
      expect(near).toBeGreaterThanOrEqual(far)
    }))
  })
})

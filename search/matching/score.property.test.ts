import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { CONTRACT_TYPES, DEGREE_LEVELS, EXPERIENCE_LEVELS, LANGUAGE_LEVELS, REMOTE_POLICIES, REMOTE_PREFERENCES } from '#db/domain.ts'
import { skills as TAXONOMY } from '#db/reference/skills.ts'
import { NOW } from './fixtures.ts'
import { scoreMatch, type MatchOffer, type MatchProfile } from './score.ts'

const slugs = TAXONOMY.map((s) => s.slug)
const nameOf = new Map(TAXONOMY.map((s) => [s.slug, s.name]))
// Around the Côte d'Opale, a bit beyond.
const place = fc.record({ latitude: fc.double({ min: 50.2, max: 51.2, noNaN: true }), longitude: fc.double({ min: 1.4, max: 3.2, noNaN: true }) })
const date = fc.integer({ min: 0, max: 400 }).map((d) => new Date(NOW.getTime() + (d - 100) * 86_400_000).toISOString().slice(0, 10))

const profileArb: fc.Arbitrary<MatchProfile> = fc.record({
  skills: fc.uniqueArray(fc.constantFrom(...slugs), { maxLength: 8 }).chain((picked) =>
    fc.tuple(...picked.map((slug) => fc.integer({ min: 1, max: 4 }).map((level) => ({ slug, name: nameOf.get(slug)!, level }))))),
  place: fc.option(place),
  mobilityKm: fc.integer({ min: 0, max: 500 }),
  remotePreference: fc.constantFrom(...REMOTE_PREFERENCES),
  contractTypes: fc.subarray([...CONTRACT_TYPES]),
  availableFrom: fc.option(date),
  degreeLevel: fc.option(fc.constantFrom(...DEGREE_LEVELS)),
  graduationYear: fc.option(fc.integer({ min: 1990, max: 2030 })),
  languages: fc.option(fc.constantFrom(...LANGUAGE_LEVELS)).map((en) => (en ? [{ code: 'en', level: en }] : [])),
})

const offerArb: fc.Arbitrary<MatchOffer> = fc.record({
  skills: fc.uniqueArray(fc.constantFrom(...slugs), { maxLength: 8 }).chain((picked) =>
    fc.tuple(...picked.map((slug) => fc.boolean().map((required) => ({ slug, name: nameOf.get(slug)!, required }))))),
  place: fc.option(place),
  remotePolicy: fc.constantFrom(...REMOTE_POLICIES),
  contractType: fc.constantFrom(...CONTRACT_TYPES),
  experienceLevel: fc.constantFrom(...EXPERIENCE_LEVELS),
  startDate: fc.option(date),
  text: fc.constantFrom('Développeur web', 'Anglais courant exigé', 'Fluent English required'),
})

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

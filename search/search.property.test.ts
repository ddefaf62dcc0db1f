import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loader } from '#app/routes/offers.tsx'
import { CONTRACT_TYPES, EXPERIENCE_LEVELS, REMOTE_POLICIES } from '#db/domain.ts'
import { seedDemo } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { EmbeddedSearchEngine } from './embedded/engine.ts'
import { PARAM } from './query-params.ts'
import { SORTS, type OfferQuery } from './types.ts'

const NOW = new Date('2026-11-20T10:00:00Z')
let test: Awaited<ReturnType<typeof createTestDatabase>>
let engine: EmbeddedSearchEngine

beforeAll(async () => {
  test = await createTestDatabase()
  await seedDemo(test.db, { companies: 20, offers: 200, seed: 3, now: NOW })
  engine = new EmbeddedSearchEngine(test.sqlite)
})
afterAll(async () => {
  await test.destroy()
})

// Strings users, robots and attackers send: FTS5 syntax, broken Unicode, huge numbers.
const nasty = fc.constantFrom(
  '"', '*', 'NEAR(', 'NEAR(a b, 3)', '-', '- web', 'AND', 'OR NOT', '^', ':', 'title:web', '(', ')', '{', '}',
  '\u0000', '\uD800', '\uDFFF', '\u202E', '\u200B', 'é', 'Ｅ', 'ǅ', 'ﬁ', '🦀', '%', '%00', '%ED%A0%80',
  '-1', '0', '1e308', 'NaN', 'Infinity', '99999999999999999999', '0x10', ' ', '', 'développeur', 'js', 'c#', 'react.js',
)
const value = fc.oneof(
  nasty,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.array(nasty, { maxLength: 6 }).map((parts) => parts.join(' ')),
  fc.string({ maxLength: 10 }).map((s) => s.repeat(1200)),
)
const key = fc.oneof(fc.constantFrom(...Object.values(PARAM)), fc.string({ maxLength: 8 }))
const queryString = fc.oneof(
  fc.array(fc.tuple(key, value), { maxLength: 8 }).map((pairs) => new URLSearchParams(pairs).toString()),
  fc.string({ unit: 'binary', maxLength: 200 }),
)

describe('the search loader', () => {
  it('answers every query string with results (and French notices), never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(queryString, async (qs) => {
        const request = new Request(`http://localhost/offres?${qs}`)
        const data = await loader({ request, params: {}, context: { db: test.db, search: engine, nonce: '' } } as never)
        expect(data.result.total).toBeGreaterThanOrEqual(0)
        expect(data.result.hits.length).toBeLessThanOrEqual(data.query.perPage)
        expect(data.query.text.length).toBeLessThanOrEqual(200)
        for (const notice of data.result.notices) expect(notice).toMatch(/^[A-ZÀ-Ý«].*[.)]$/u)
      }),
      { numRuns: 1000 },
    )
  })
})

const offerQueryArbitrary: fc.Arbitrary<OfferQuery> = fc.record({
  text: fc.oneof(fc.constant(''), nasty, fc.string({ unit: 'grapheme', maxLength: 30 })),
  contracts: fc.subarray([...CONTRACT_TYPES]),
  remote: fc.subarray([...REMOTE_POLICIES]),
  territories: fc.subarray(['calaisis', 'boulonnais', 'montreuillois', 'dunkerquois', 'hors-territoire', 'inconnu']),
  occupations: fc.subarray(['M1855', 'M1805', 'M1801', 'Z9999']),
  near: fc.option(
    fc.record({ insee: fc.constantFrom('62193', '62160', '59183', '59350', '00000'), radiusKm: fc.integer({ min: 1, max: 200 }) }),
    { nil: null },
  ),
  experience: fc.subarray([...EXPERIENCE_LEVELS]),
  skills: fc.subarray(['javascript', 'react', 'python', 'php', 'linux', 'sql'], { maxLength: 2 }),
  salaryMin: fc.option(fc.integer({ min: 0, max: 80_000 }), { nil: null }),
  postedWithinDays: fc.option(fc.integer({ min: 1, max: 365 }), { nil: null }),
  companies: fc.constant([]),
  sort: fc.constantFrom(...SORTS),
  page: fc.integer({ min: 1, max: 50 }),
  perPage: fc.constantFrom(5, 20),
})

describe('the embedded engine', () => {
  it('returns only offers that satisfy every filter, and facet counts that add up to the total', async () => {
    await fc.assert(
      fc.asyncProperty(offerQueryArbitrary, async (query) => {
        const result = await engine.searchOffers(query, NOW)
        expect(result.hits.length).toBeLessThanOrEqual(query.perPage)
        for (const hit of result.hits) {
          if (query.contracts.length) expect(query.contracts).toContain(hit.contractType)
          if (query.remote.length) expect(query.remote).toContain(hit.remotePolicy)
          if (query.experience.length) expect(query.experience).toContain(hit.experienceLevel)
          if (query.near && hit.distanceKm !== null) expect(hit.distanceKm).toBeLessThanOrEqual(query.near.radiusKm + 0.05)
          if (query.postedWithinDays) {
            expect(Date.parse(hit.publishedAt)).toBeGreaterThanOrEqual(NOW.getTime() - query.postedWithinDays * 86_400_000)
          }
        }
        // Every offer has exactly one contract type: with the contract filter off, its counts sum to the total.
        const contractSum = result.facets.contract
          .filter((f) => query.contracts.length === 0 || query.contracts.includes(f.value as never))
          .reduce((sum, f) => sum + f.count, 0)
        expect(contractSum).toBe(result.total)
      }),
      { numRuns: 1000 },
    )
  })
})

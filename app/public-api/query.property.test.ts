import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as apiOffers from '#app/routes/api-offers.ts'
import { PARAM } from '#search/query-params.ts'
import { demoBoard, load } from './test-support.ts'

/** Any query string gets 200 or a 400 with French reasons from /api/v1/offres; never a failure. */
let board: Awaited<ReturnType<typeof demoBoard>>
beforeAll(async () => {
  board = await demoBoard()
}, 60_000)
afterAll(() => board.test.destroy())

const key = fc.oneof(fc.constantFrom(...Object.values(PARAM), 'par_page'), fc.string({ maxLength: 12 }))
const value = fc.oneof(
  fc.constantFrom('cdi', 'hybrid', 'junior', '62193', '2A004', '30', '0', '-1', '1e308', 'NaN', '100', '101', '500', '501', 'date', 'distance',
    '"', '*', 'NEAR(', '\u0000', '\uD800', '<script>', 'é'.repeat(300), ''),
  fc.string({ maxLength: 30 }),
  fc.integer().map(String),
)

it('answers every query string with 200 or a French 400', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(key, value), { maxLength: 6 }), async (pairs) => {
      const params = new URLSearchParams(pairs)
      const response = await load(apiOffers as never, `/api/v1/offres?${params}`, { context: { ...board.context('192.0.2.40'), apiRateLimit: 1_000_000 } })
      expect([200, 400]).toContain(response.status)
      const body = await response.json()
      if (response.status === 400) {
        expect(body.details.length).toBeGreaterThan(0)
        for (const detail of body.details) expect(detail).toMatch(/[a-zé] [a-zé]/i)
      } else {
        expect(body.offers.length).toBeLessThanOrEqual(body.perPage)
      }
    }),
    { numRuns: 150, seed: 20261205 },
  )
})

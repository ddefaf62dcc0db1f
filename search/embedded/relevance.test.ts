import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTRACT_TYPES } from '#db/domain.ts'
import { seedDemo } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { offerQuery } from '../query-params.ts'
import { tokenize } from '../text.ts'
import { EmbeddedSearchEngine } from './engine.ts'
import { EARLY_STOP_VISITS } from './relevance.ts'

// Relevance ranking takes one of two ways (relevance.ts, firstByRelevance): walking the results
// newest first while that fills the page early, classifying every result otherwise. On a board
// this small the walk always suffices; forcing the other way must give the same pages.

const NOW = new Date('2026-11-20T10:00:00Z')
let test: Awaited<ReturnType<typeof createTestDatabase>>
let engine: EmbeddedSearchEngine
let words: string[]

beforeAll(async () => {
  test = await createTestDatabase()
  await seedDemo(test.db, { companies: 20, offers: 400, seed: 11, now: NOW, wideVocabulary: true })
  engine = new EmbeddedSearchEngine(test.sqlite)
  const titles = test.sqlite.prepare<[], string>("select title from offers where status = 'published'").pluck().all()
  words = [...new Set(titles.flatMap((t) => tokenize(t)).filter((w) => w.length >= 3))].sort()
})
afterAll(async () => {
  await test.destroy()
})

/** A word with a letter swapped with the next one, or dropped: a typo within the budget of a long word. */
const typo = (word: string, at: number, drop: boolean) => {
  const i = 1 + (at % Math.max(1, word.length - 2))
  return drop ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + (word[i + 1] ?? '') + word[i] + word.slice(i + 2)
}

describe('relevance ranking, walking or classifying every result', () => {
  it('gives the same pages both ways, for words, typos, several words and filters', async () => {
    const word = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('exact', 'typo', 'drop')).map(([n, at, kind]) => {
      const w = words[n % words.length]!
      return kind === 'exact' || w.length < 6 ? w : typo(w, at, kind === 'drop')
    })
    const query = fc.record({
      text: fc.array(word, { minLength: 1, maxLength: 2 }).chain((ws) => fc.constantFrom(ws.join(' '), `${ws.join(' ')} `)),
      contracts: fc.subarray([...CONTRACT_TYPES], { maxLength: 2 }),
      page: fc.integer({ min: 1, max: 3 }),
    })
    let ranked = 0
    await fc.assert(
      fc.asyncProperty(query, async ({ text, contracts, page }) => {
        const q = offerQuery({ text, contracts, page, perPage: 10, sort: 'relevance' })
        engine.earlyStopVisits = EARLY_STOP_VISITS
        const walked = await engine.searchOffers(q, NOW)
        engine.earlyStopVisits = 0
        const classified = await engine.searchOffers(q, NOW)
        engine.earlyStopVisits = EARLY_STOP_VISITS
        if (walked.total > 1) ranked++
        expect(classified.hits.map((h) => h.id)).toEqual(walked.hits.map((h) => h.id))
        expect(classified.total).toBe(walked.total)
      }),
      { numRuns: 300, seed: 20261205 },
    )
    // The property compared real rankings, not empty pages.
    expect(ranked).toBeGreaterThan(100)
  })
})

import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTRACT_TYPES } from '#db/domain.ts'
import { seedDemo } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { offerQuery } from '../query-params.ts'
import { tokenize } from '../text.ts'
import { EmbeddedSearchEngine } from './engine.ts'
import { readSkillSpellings, Synonyms } from '../synonyms.ts'
import { Vocabulary } from '../vocabulary.ts'
import { EARLY_STOP_VISITS } from './relevance.ts'
import { ftsExpression, planTextQuery } from './text-query.ts'

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
const texts = () =>
  fc.array(
    fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('exact', 'typo', 'drop')).map(([n, at, kind]) => {
      const w = words[n % words.length]!
      return kind === 'exact' || w.length < 6 ? w : typo(w, at, kind === 'drop')
    }),
    { minLength: 1, maxLength: 2 },
  ).chain((ws) => fc.constantFrom(ws.join(' '), `${ws.join(' ')} `))

const typo = (word: string, at: number, drop: boolean) => {
  const i = 1 + (at % Math.max(1, word.length - 2))
  return drop ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + (word[i + 1] ?? '') + word[i] + word.slice(i + 2)
}

describe('relevance ranking, walking or classifying every result', () => {
  it('gives the same pages both ways, for words, typos, several words and filters', async () => {
    const query = fc.record({
      text: texts(),
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

describe('the FTS5 expression', () => {
  it('finds the same offers without the alternatives another one covers ("linux" beside "linux*")', () => {
    const synonyms = new Synonyms(readSkillSpellings(test.sqlite))
    const vocabulary = new Vocabulary(test.sqlite.prepare<[], { term: string; docs: number }>('select term, doc as docs from offers_fts_vocab').all())
    const match = test.sqlite.prepare<[string], number>('select rowid from offers_fts where offers_fts match ? order by rowid').pluck()
    // Skill spellings and their prefixes: the synonyms ("gnu linux", "python3") that get covered.
    const text = fc.oneof(texts(), fc.constantFrom('linux', 'python', 'chef de projet', 'javascript', 'amazon web services', 'c#', 'react', 'data '))
    let shorter = 0
    fc.assert(
      fc.property(text, fc.boolean(), (t, withTypos) => {
        const groups = planTextQuery(t, synonyms, vocabulary).groups.filter((g) => !g.kinds)
        const pruned = ftsExpression(groups, withTypos)
        const full = ftsExpression(groups, withTypos, { keepCovered: true })
        if (pruned === null || full === null) return
        if (pruned.length < full.length) shorter++
        expect(match.all(pruned)).toEqual(match.all(full))
      }),
      { numRuns: 300, seed: 20261205 },
    )
    expect(shorter).toBeGreaterThan(30)
  })
})

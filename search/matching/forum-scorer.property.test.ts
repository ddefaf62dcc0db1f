import fc from 'fast-check'
import { expect, test } from 'vitest'
import { offerArb, profileArb } from './arbitraries.ts'
import { ForumScorer } from './forum-scorer.ts'
import { scoreMatch } from './score.ts'

test('the forum scorer gives every pair exactly the score scoreMatch explains', () => {
  const now = fc.date({ min: new Date('2024-01-01'), max: new Date('2029-12-31'), noInvalidDate: true })
  fc.assert(fc.property(fc.array(offerArb, { minLength: 1, maxLength: 6 }), fc.array(profileArb, { minLength: 1, maxLength: 8 }), now, (offers, profiles, at) => {
    const scorer = new ForumScorer(offers, profiles, at)
    offers.forEach((offer, o) => {
      const all = Int32Array.from(profiles.keys())
      const scores = new Int16Array(profiles.length)
      scorer.scoreShortlist(o, all, scores)
      profiles.forEach((profile, i) => {
        const expected = scoreMatch(profile, offer, { now: at }).score
        expect(scores[i]).toBe(expected)
        expect(scorer.score(o, i)).toBe(expected)
      })
    })
  }), { numRuns: 300 })
})

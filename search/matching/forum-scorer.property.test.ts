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
      // Everyone, last first: positions in the shortlist are not candidate indexes.
      const everyone = Int32Array.from(profiles.keys()).reverse()
      const scores = new Int16Array(profiles.length)
      scorer.scoreShortlist(o, everyone, scores)
      everyone.forEach((i, k) => {
        const expected = scoreMatch(profiles[i]!, offer, { now: at }).score
        expect(scores[k]).toBe(expected)
      })
    })
  }), { numRuns: 300 })
})

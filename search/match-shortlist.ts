import { relatedSkills } from './matching/related-skills.ts'
import { skillsNamedIn } from './matching/skills-in-text.ts'
import { scoreMatch, type MatchOffer, type MatchProfile } from './matching/score.ts'
import type { CandidateMatch, OfferMatch } from './types.ts'

/**
 * The second half of "candidates for this offer" and "offers for this
 * candidate", whichever engine found the shortlist: only the shortlist is
 * scored (search/matching/score.ts), never every pair.
 */

/** How many index hits are re-ranked per wanted result, and at most. */
const SHORTLIST_FACTOR = 5
const SHORTLIST_MIN = 100
const SHORTLIST_MAX = 500

export function shortlistSize(limit: number): number {
  return Math.min(SHORTLIST_MAX, Math.max(SHORTLIST_MIN, limit * SHORTLIST_FACTOR))
}

/** The skills themselves first, then their related skills (each once): what a shortlist looks for. */
export function withRelatedSkills(slugs: readonly string[]): string[] {
  return [...new Set([...slugs, ...slugs.flatMap((slug) => [...relatedSkills(slug)])])]
}

/**
 * The skills a shortlist of candidates for this offer looks for: the ones it
 * lists, or, when it lists none (often an imported offer), the ones its title
 * and description name (skills-in-text.ts), as appreciated. One offer's text:
 * cheap. Both engines use it.
 */
export function skillsSought(offer: Pick<MatchOffer, 'skills' | 'text'>): { slug: string; required: boolean }[] {
  if (offer.skills.length > 0) return offer.skills
  return skillsNamedIn(offer.text).map((slug) => ({ slug, required: false }))
}

/** Consenting profiles of the shortlist, best score first (ties: lowest user id). */
export function rankCandidates(
  offer: MatchOffer,
  userIds: readonly number[],
  profiles: ReadonlyMap<number, MatchProfile & { visible: boolean }>,
  { limit, now }: { limit: number; now: Date },
): CandidateMatch[] {
  return userIds
    .flatMap((userId) => {
      const profile = profiles.get(userId)
      // The index holds consenting profiles only; checking again here is the second lock.
      if (!profile?.visible) return []
      // A pair one of the candidate's constraints rules out is not a match (decision 014).
      const match = scoreMatch(profile, offer, { now })
      return match.reasons.excluded.length ? [] : [{ userId, ...match }]
    })
    .sort((a, b) => b.score - a.score || a.userId - b.userId)
    .slice(0, limit)
}

/** Offers of the shortlist, best score first (ties: lowest offer id). */
export function rankOffers(
  profile: MatchProfile,
  offerIds: readonly number[],
  offers: ReadonlyMap<number, MatchOffer>,
  { limit, now }: { limit: number; now: Date },
): OfferMatch[] {
  return offerIds
    .flatMap((offerId) => {
      const offer = offers.get(offerId)
      if (!offer) return []
      const match = scoreMatch(profile, offer, { now })
      return match.reasons.excluded.length ? [] : [{ offerId, ...match }]
    })
    .sort((a, b) => b.score - a.score || a.offerId - b.offerId)
    .slice(0, limit)
}

import { ForumScorer } from './forum-scorer.ts'
import { MatchLists } from './match-lists.ts'
import { relatedSkills } from './related-skills.ts'
import type { MatchOffer, MatchProfile } from './score.ts'

/**
 * The match lists of a whole forum in one computation: for each company its
 * candidates ranked by their best score over the offers it brings, and for
 * each candidate the companies ranked the same way.
 *
 * Scoring every (offer, candidate) pair would be wasted work: most share no
 * skill. A skill → candidates index gives each offer its shortlist: holders
 * of one of its required skills, or of a related one (of its nice-to-have
 * skills when it requires none). Only those are scored: someone with none
 * of what an offer asks for is not a match for it, however close they live.
 * An offer asking for no skill at all is scored against everyone.
 *
 * At a benchmark forum's scale (bench/forum.ts: 351,000 pairs scored, 41,000
 * kept) the per-pair cost decides: ForumScorer scores over typed arrays, to
 * the bit what scoreMatch gives, and MatchLists ranks without comparisons.
 */
export type ForumOffer = { id: number; companyId: number; offer: MatchOffer }
export type ForumCandidate = { id: number; profile: MatchProfile }
/** A ranked pair; `scoreMatch(profile, offer)` explains the ones shown (same arithmetic). */
export type ForumMatch = { companyId: number; candidateId: number; offerId: number; score: number }
export type ForumMatchLists = {
  byCompany: Map<number, ForumMatch[]>
  byCandidate: Map<number, ForumMatch[]>
  /** How many (offer, candidate) pairs the scorer saw, out of offers × candidates. */
  scored: number
}

export function computeForumMatchLists(
  offers: ForumOffer[],
  candidates: ForumCandidate[],
  options: { now: Date; minScore?: number },
): ForumMatchLists {
  const minScore = options.minScore ?? 1
  const scorer = new ForumScorer(offers.map((o) => o.offer), candidates.map((c) => c.profile), options.now)
  const shortlist = new Shortlist(offers, scorer, candidates.length)
  const offersOf = new Map<number, number[]>()
  offers.forEach((offer, index) => push(offersOf, offer.companyId, index))

  // Per company, the best offer for each candidate: flat arrays indexed by candidate, reset between companies.
  const bestScore = new Int16Array(candidates.length).fill(-1)
  const bestOffer = new Int32Array(candidates.length)
  const scores = new Int16Array(candidates.length)
  const touched: number[] = []
  const lists = new MatchLists(candidates.map((c) => c.id))
  let scored = 0
  for (const [companyId, brought] of offersOf) {
    for (const o of brought) {
      const list = shortlist.of(o)
      scorer.scoreShortlist(o, list, scores)
      scored += list.length
      keepBest(list, scores, offers[o]!.id, minScore, bestScore, bestOffer, touched)
    }
    lists.addCompany(companyId, touched, bestOffer, bestScore)
    for (const index of touched) bestScore[index] = -1
    touched.length = 0
  }
  return { ...lists.ranked(), scored }
}

/** Each candidate's best offer so far: a tie keeps the offer seen first. `touched` gets those found for the first time. */
function keepBest(
  list: Int32Array, scores: Int16Array, offerId: number, minScore: number, bestScore: Int16Array, bestOffer: Int32Array, touched: number[],
) {
  for (let k = 0; k < list.length; k++) {
    const index = list[k]!
    const value = scores[k]!
    if (value < minScore || value <= bestScore[index]!) continue
    if (bestScore[index] === -1) touched.push(index)
    bestScore[index] = value
    bestOffer[index] = offerId
  }
}

/**
 * Each offer's shortlist, as candidate indexes in a buffer reused from one
 * offer to the next. Visited skill by skill, each skill's own holders before
 * its related skills' ones: candidates are first found in the order they
 * always were, which is the order of byCandidate's keys, and its readers
 * (the scheduler's pairs, the bench's wish draw) iterate it.
 */
class Shortlist {
  private readonly holders = new Map<string, number[]>()
  private readonly everyone: Int32Array
  private readonly buffer: Int32Array
  /** The offer that last listed each candidate, plus one. */
  private readonly listedFor: Int32Array

  constructor(private readonly offers: ForumOffer[], private readonly scorer: ForumScorer, candidateCount: number) {
    this.everyone = Int32Array.from({ length: candidateCount }, (_, i) => i)
    this.buffer = new Int32Array(candidateCount)
    this.listedFor = new Int32Array(candidateCount)
  }

  of(offer: number): Int32Array {
    const skills = this.offers[offer]!.offer.skills
    const required = skills.filter((skill) => skill.required)
    const asked = required.length > 0 ? required : skills
    if (asked.length === 0) return this.everyone
    let count = 0
    for (const skill of asked) {
      for (const slug of [skill.slug, ...relatedSkills(skill.slug)]) {
        for (const index of this.holdersOf(slug)) {
          if (this.listedFor[index] === offer + 1) continue
          this.listedFor[index] = offer + 1
          this.buffer[count++] = index
        }
      }
    }
    return this.buffer.subarray(0, count)
  }

  private holdersOf(slug: string) {
    let list = this.holders.get(slug)
    if (!list) this.holders.set(slug, (list = this.scorer.holders(slug)))
    return list
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

import { relatedSkills } from './related-skills.ts'
import { scoreOnly, type MatchOffer, type MatchProfile } from './score.ts'

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
  const holders = new Map<string, number[]>()
  candidates.forEach((c, index) => {
    for (const s of c.profile.skills) {
      const list = holders.get(s.slug) ?? []
      list.push(index)
      holders.set(s.slug, list)
    }
  })

  // Per company, the best offer for each candidate: flat arrays indexed by candidate, reset between companies.
  const offersOf = new Map<number, ForumOffer[]>()
  for (const offer of offers) push(offersOf, offer.companyId, offer)
  const bestScore = new Int16Array(candidates.length).fill(-1)
  const bestOffer = new Int32Array(candidates.length)
  const touched: number[] = []
  const matches: ForumMatch[] = []
  let scored = 0
  for (const [companyId, brought] of offersOf) {
    for (const { id: offerId, offer } of brought) {
      const required = offer.skills.filter((skill) => skill.required)
      const asked = required.length > 0 ? required : offer.skills
      const score = (index: number) => {
        const value = scoreOnly(candidates[index]!.profile, offer, options.now)
        scored++
        if (value < minScore || value <= bestScore[index]!) return
        if (bestScore[index] === -1) touched.push(index)
        bestScore[index] = value
        bestOffer[index] = offerId
      }
      if (asked.length === 0) {
        for (let i = 0; i < candidates.length; i++) score(i)
        continue
      }
      const seen = new Set<number>()
      for (const skill of asked) {
        for (const slug of [skill.slug, ...relatedSkills(skill.slug)]) {
          for (const i of holders.get(slug) ?? []) {
            if (seen.has(i)) continue
            seen.add(i)
            score(i)
          }
        }
      }
    }
    for (const index of touched) {
      matches.push({ companyId, candidateId: candidates[index]!.id, offerId: bestOffer[index]!, score: bestScore[index]! })
      bestScore[index] = -1
    }
    touched.length = 0
  }

  const byCompany = new Map<number, ForumMatch[]>()
  const byCandidate = new Map<number, ForumMatch[]>()
  for (const match of matches) {
    push(byCompany, match.companyId, match)
    push(byCandidate, match.candidateId, match)
  }
  // Ties keep a stable, explainable order: the smaller id first.
  for (const list of byCompany.values()) list.sort((a, b) => b.score - a.score || a.candidateId - b.candidateId)
  for (const list of byCandidate.values()) list.sort((a, b) => b.score - a.score || a.companyId - b.companyId)
  return { byCompany, byCandidate, scored }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

import { relatedSkills } from './related-skills.ts'
import { scoreMatch, type MatchOffer, type MatchProfile, type MatchReasons } from './score.ts'

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
export type ForumMatch = { companyId: number; candidateId: number; offerId: number; score: number; reasons: MatchReasons }
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

  // Best match per (company, candidate): the offer that suits the candidate best.
  const best = new Map<string, ForumMatch>()
  let scored = 0
  const seen = new Uint8Array(candidates.length)
  for (const { id: offerId, companyId, offer } of offers) {
    seen.fill(0)
    const shortlist: number[] = []
    const add = (index: number) => {
      if (seen[index]) return
      seen[index] = 1
      shortlist.push(index)
    }
    const required = offer.skills.filter((skill) => skill.required)
    const asked = required.length > 0 ? required : offer.skills
    if (asked.length === 0) candidates.forEach((_, i) => add(i))
    for (const skill of asked) {
      for (const i of holders.get(skill.slug) ?? []) add(i)
      for (const slug of relatedSkills(skill.slug)) for (const i of holders.get(slug) ?? []) add(i)
    }
    for (const index of shortlist) {
      const candidate = candidates[index]!
      const { score, reasons } = scoreMatch(candidate.profile, offer, { now: options.now })
      scored++
      if (score < minScore) continue
      const key = `${companyId}:${candidate.id}`
      const previous = best.get(key)
      if (!previous || score > previous.score) best.set(key, { companyId, candidateId: candidate.id, offerId, score, reasons })
    }
  }

  const byCompany = new Map<number, ForumMatch[]>()
  const byCandidate = new Map<number, ForumMatch[]>()
  for (const match of best.values()) {
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

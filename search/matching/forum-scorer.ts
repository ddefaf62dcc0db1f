import { PlaceDistances } from './place-distances.ts'
import { relatedSkills } from './related-skills.ts'
import { experienceOf } from './experience.ts'
import { occupationFit } from './occupation-fit.ts'
import { offerFacts, type MatchOffer, type MatchProfile } from './score.ts'
import {
  asksEnglish, availabilityCredit, contractCredit, contractWished, distanceCredit, englishLevelOf, englishShare, evidenceShare,
  lateDays, levelCredit, levelGap, occupationCredit, ownSkillMet, parseDay, reachKm, remoteExcludes, SKILL_MET_CREDIT, SkillMet,
  skillsShare, startTime, tradeCredit, weighedScore,
} from './score-criteria.ts'

/**
 * The match score of a whole forum's (offer, candidate) pairs, equal to
 * `scoreMatch(profile, offer).score` to the bit: same formulas
 * (score-criteria.ts), same order of operations. A forum scores hundreds of
 * thousands of pairs, so everything that depends on one side is computed once
 * into flat typed arrays: which offer skills each candidate meets (a byte per
 * candidate and skill), and each criterion that depends on one offer field
 * for every value the forum's offers take. A pair then costs a few array
 * reads, one distance and no allocation.
 */
export class ForumScorer {
  private readonly skillIds = new Map<string, number>()
  private readonly skillCount: number
  /** SkillMet per (candidate, skill): candidate × skillCount. */
  private readonly met: Uint8Array
  /**
   * Per offer, its required skills' ids, its nice-to-have ones, then its evidence (offers without required skills:
   * score.ts offerFacts): offerSkills[skillStart[o] … niceStart[o] … evidenceStart[o] … skillStart[o + 1]].
   */
  private readonly offerSkills: Int32Array
  private readonly skillStart: Int32Array
  private readonly niceStart: Int32Array
  private readonly evidenceStart: Int32Array
  private readonly distances: PlaceDistances
  private readonly policy: OfferField<MatchOffer['remotePolicy']>
  private readonly reach: Float64Array
  private readonly remoteOnly: Uint8Array
  private readonly fullRemote: Uint8Array
  private readonly anywhere: Uint8Array
  private readonly occupation: OfferField<string | null>
  private readonly occupationCredits: Float64Array
  private readonly contract: OfferField<MatchOffer['contractType']>
  private readonly contractCredits: Float64Array
  private readonly level: OfferField<MatchOffer['experienceLevel']>
  private readonly levelCredits: Float64Array
  private readonly english: OfferField<boolean>
  private readonly englishCredits: Float64Array
  /** ms, NaN when the candidate gave no date. */
  private readonly availableFrom: Float64Array
  private readonly startsAt: Float64Array

  constructor(offers: readonly MatchOffer[], profiles: readonly MatchProfile[], now: Date) {
    const offerSkillIds: number[] = []
    const idOf = (slug: string) => {
      let id = this.skillIds.get(slug)
      if (id === undefined) this.skillIds.set(slug, (id = this.skillIds.size))
      return id
    }
    const skillStart: number[] = []
    const niceStart: number[] = []
    const evidenceStart: number[] = []
    for (const offer of offers) {
      skillStart.push(offerSkillIds.length)
      for (const s of offer.skills) if (s.required) offerSkillIds.push(idOf(s.slug))
      niceStart.push(offerSkillIds.length)
      for (const s of offer.skills) if (!s.required) offerSkillIds.push(idOf(s.slug))
      evidenceStart.push(offerSkillIds.length)
      for (const slug of offerFacts(offer).evidence) offerSkillIds.push(idOf(slug))
    }
    skillStart.push(offerSkillIds.length)
    this.offerSkills = Int32Array.from(offerSkillIds)
    this.skillStart = Int32Array.from(skillStart)
    this.niceStart = Int32Array.from(niceStart)
    this.evidenceStart = Int32Array.from(evidenceStart)
    // Related skills get ids too: the forum's shortlist looks up their holders.
    const helps: number[][] = []
    for (const [slug, id] of [...this.skillIds]) {
      for (const related of relatedSkills(slug)) (helps[idOf(related)] ??= []).push(id)
    }
    this.skillCount = this.skillIds.size
    this.met = new Uint8Array(profiles.length * this.skillCount)
    for (let i = 0; i < profiles.length; i++) this.fillMet(profiles[i]!, i * this.skillCount, helps)

    this.distances = new PlaceDistances(profiles.map((p) => p.place), offers.map((o) => o.place))
    this.policy = offerField(offers, (o) => o.remotePolicy)
    this.fullRemote = Uint8Array.from(this.policy.values, (p) => Number(p === 'full_remote'))
    this.reach = perCandidate(profiles, this.policy.values, (p, policy) => reachKm(p.mobilityKm, policy))
    this.remoteOnly = Uint8Array.from(perCandidate(profiles, this.policy.values, (p, policy) => Number(remoteExcludes(p.remotePreference, policy))))
    this.anywhere = Uint8Array.from(profiles, (p) => Number(p.anywhereInFrance))
    this.occupation = offerField(offers, (o) => o.occupation)
    this.occupationCredits = perCandidate(profiles, this.occupation.values, (p, code) => occupationCredit(occupationFit(p.occupations, code).fit))
    this.contract = offerField(offers, (o) => o.contractType)
    this.contractCredits = perCandidate(profiles, this.contract.values, (p, type) => contractCredit(contractWished(p.contractTypes, p.excludedContracts, type)))
    this.level = offerField(offers, (o) => o.experienceLevel)
    const levels = profiles.map((p) => experienceOf(p, now).level)
    this.levelCredits = perCandidate(profiles, this.level.values, (_, level, i) => levelCredit(levelGap(level, levels[i]!)))
    this.english = offerField(offers, asksEnglish)
    this.englishCredits = perCandidate(profiles, this.english.values, (p, asked) => englishShare(asked, englishLevelOf(p)))
    this.availableFrom = Float64Array.from(profiles, (p) => parseDay(p.availableFrom) ?? NaN)
    this.startsAt = Float64Array.from(offers, (o) => startTime(o.startDate, now))
  }

  /** Candidates (by index) who list the skill themselves, in index order. */
  holders(slug: string): number[] {
    const id = this.skillIds.get(slug)
    const found: number[] = []
    if (id === undefined) return found
    for (let i = 0, at = id; at < this.met.length; i++, at += this.skillCount) {
      if (this.met[at]! >= SkillMet.notions) found.push(i)
    }
    return found
  }

  /**
   * The score of the offer (its index) with each shortlisted candidate (their
   * indexes), into `scores` at the same positions. One loop per offer, so what
   * depends on the offer is read once.
   */
  scoreShortlist(offer: number, shortlist: Int32Array, scores: Int16Array) {
    const { met, offerSkills, skillCount, distances, reach, remoteOnly, anywhere, availableFrom } = this
    const from = this.skillStart[offer]!
    const middle = this.niceStart[offer]!
    const to = this.evidenceStart[offer]!
    const end = this.skillStart[offer + 1]!
    const policy = this.policy.index[offer]!
    const policies = this.policy.values.length
    const fullRemote = this.fullRemote[policy] === 1
    const startsAt = this.startsAt[offer]!
    const contract = this.criterion(this.contractCredits, this.contract, offer)
    const level = this.criterion(this.levelCredits, this.level, offer)
    const english = this.criterion(this.englishCredits, this.english, offer)
    const occupation = this.criterion(this.occupationCredits, this.occupation, offer)
    for (let k = 0; k < shortlist.length; k++) {
      const candidate = shortlist[k]!
      const base = candidate * skillCount
      const occupationShare = occupation.credits[candidate * occupation.stride + occupation.at]!
      let sum = 0
      let required: number
      if (middle > from) {
        for (let s = from; s < middle; s++) sum += SKILL_MET_CREDIT[met[base + offerSkills[s]!]!]!
        required = skillsShare(sum, middle - from, 0)
      } else {
        let heldNamed = 0
        for (let s = to; s < end; s++) if (met[base + offerSkills[s]!]! >= SkillMet.notions) heldNamed++
        required = evidenceShare(occupationShare, heldNamed)
      }
      sum = 0
      for (let s = middle; s < to; s++) sum += SKILL_MET_CREDIT[met[base + offerSkills[s]!]!]!
      const nice = skillsShare(sum, to - middle, 1)
      const byPolicy = candidate * policies + policy
      const km = fullRemote ? null : distances.between(candidate, offer)
      const distance = distanceCredit(km, reach[byPolicy]!, fullRemote, anywhere[candidate] === 1, remoteOnly[byPolicy] === 1)
      const available = availableFrom[candidate]!
      const availability = availabilityCredit(Number.isNaN(available) ? null : lateDays(available, startsAt))
      scores[k] = weighedScore(
        required, nice, tradeCredit(occupationShare, required), distance, contract.credits[candidate * contract.stride + contract.at]!,
        level.credits[candidate * level.stride + level.at]!, availability, english.credits[candidate * english.stride + english.at]!,
      )
    }
  }

  /** Where the offer's value of a field sits in a per-candidate table. */
  private criterion<T>(credits: Float64Array, field: OfferField<T>, offer: number) {
    return { credits, stride: field.values.length, at: field.index[offer]! }
  }

  /**
   * Own skills first (the last listing of a slug wins, as in scoreMatch), then
   * the offer skills met through a related one: helps[id] lists the offer
   * skills that skill `id` is related to.
   */
  private fillMet(profile: MatchProfile, base: number, helps: (number[] | undefined)[]) {
    const { met, skillIds } = this
    for (const s of profile.skills) {
      const id = skillIds.get(s.slug)
      if (id !== undefined) met[base + id] = ownSkillMet(s.level)
    }
    for (const s of profile.skills) {
      const id = skillIds.get(s.slug)
      for (const wanted of (id === undefined ? undefined : helps[id]) ?? []) {
        if (met[base + wanted] === SkillMet.no) met[base + wanted] = SkillMet.related
      }
    }
  }
}

/** An offer field's distinct values, and each offer's index among them. */
type OfferField<T> = { values: T[]; index: Int32Array }
function offerField<T>(offers: readonly MatchOffer[], field: (offer: MatchOffer) => T): OfferField<T> {
  const values: T[] = []
  const index = Int32Array.from(offers, (offer) => {
    const value = field(offer)
    const at = values.indexOf(value)
    return at >= 0 ? at : values.push(value) - 1
  })
  return { values, index }
}

/** fn for every candidate and value: candidate × values. */
function perCandidate<T>(profiles: readonly MatchProfile[], values: readonly T[], fn: (p: MatchProfile, value: T, index: number) => number) {
  const out = new Float64Array(profiles.length * values.length)
  for (let i = 0; i < profiles.length; i++) {
    for (let v = 0; v < values.length; v++) out[i * values.length + v] = fn(profiles[i]!, values[v]!, i)
  }
  return out
}

import type { ContractType, DegreeLevel, ExperienceLevel, LanguageLevel, RemotePolicy, RemotePreference } from '#db/domain.ts'
import { distanceKm } from '../geo.ts'
import { experienceOf, type ExperienceEntry } from './experience.ts'
import { occupationFit } from './occupation-fit.ts'
import { relatedSkills } from './related-skills.ts'
import {
  asksEnglish, availabilityCredit, contractCredit, contractWished, criterionPoints, distanceCredit, englishLevelOf, englishShare,
  evidenceShare, EXCLUDED, lateDays, levelCredit, levelGap, occupationCredit, ownSkillMet, parseDay, reachKm, remoteExcludes,
  SKILL_MET_CREDIT, SkillMet, skillsShare, startTime, tradeCredit, weighedScore, type OccupationFit,
} from './score-criteria.ts'
import { skillsNamedIn } from './skills-in-text.ts'
import type { Criterion } from './weights.ts'

/**
 * The explainable match score between a candidate profile and an offer.
 * Pure: the callers load both sides (search/embedded/match-facts.ts). Each
 * criterion's formula lives in score-criteria.ts, shared with the forum's
 * bulk scorer (forum-scorer.ts). Each criterion's points are in the reasons:
 * they add up to the score.
 */

export type Place = { latitude: number; longitude: number }

export type MatchProfile = {
  skills: { slug: string; name: string; level: number }[]
  place: Place | null
  mobilityKm: number
  /** "Mobile partout en France": the radius orders the offers, it excludes none. */
  anywhereInFrance: boolean
  remotePreference: RemotePreference
  contractTypes: ContractType[]
  /** Contracts the candidate will not take, even when they list none as wished. */
  excludedContracts: ContractType[]
  /** YYYY-MM-DD, or null when not said. */
  availableFrom: string | null
  degreeLevel: DegreeLevel | null
  graduationYear: number | null
  languages: { code: string; level: LanguageLevel }[]
  /** ROME codes aimed for, at most 3. */
  occupations: string[]
  /** Dated internships, work-study contracts and jobs. */
  experience: ExperienceEntry[]
}

export type MatchOffer = {
  skills: { slug: string; name: string; required: boolean }[]
  place: Place | null
  remotePolicy: RemotePolicy
  contractType: ContractType
  experienceLevel: ExperienceLevel
  /** YYYY-MM-DD, or null for "as soon as possible". */
  startDate: string | null
  /** Title and description: offers have no language field, English is read from the text. */
  text: string
  /** ROME code, null when not said. */
  occupation: string | null
}

/** A constraint of the candidate that rules the offer out (decision 014). */
export type Exclusion = 'contract' | 'remote' | 'distance' | 'level' | 'availability' | 'trade'

export type MatchReasons = {
  requiredMet: string[]
  requiredMissing: string[]
  niceToHaveMet: string[]
  /** How many nice-to-have skills the offer lists. */
  niceToHaveCount: number
  /** Offer skills credited through a related skill of the candidate. */
  related: { wanted: string; via: string }[]
  /**
   * Offers without required skills: the candidate's own skills the offer names
   * (its nice-to-have list, its title and description); null when it requires skills.
   */
  evidence: string[] | null
  /** The offer's ROME code and how it stands to the candidate's targets; `via` is the target that counted. */
  occupation: { offer: string | null; fit: OccupationFit; via: string | null }
  /** Null when either commune is unknown. */
  distanceKm: number | null
  remotePolicy: RemotePolicy
  /** The radius that applies to this offer (stretched for hybrid); null for full remote. */
  reachKm: number | null
  /** Within that radius (always for full remote); null when unknown. */
  reachable: boolean | null
  anywhereInFrance: boolean
  /** The candidate accepts full remote only. */
  remoteOnly: boolean
  /** The candidate looks for this contract type; null when they listed none. */
  contract: { type: ContractType; wished: boolean | null }
  /** Days between the offer's start and the candidate's availability (0 = on time); null when unknown. */
  lateDays: number | null
  /** Null: as soon as possible. */
  startDate: string | null
  level: { offer: ExperienceLevel; candidate: ExperienceLevel; ok: boolean; years: number; from: 'entries' | 'graduation' | 'none' }
  /** Null when the offer does not ask for English. */
  english: { level: LanguageLevel | null; ok: boolean } | null
  /** Points of each criterion; all 0 when the pair is excluded. */
  points: Record<Criterion, number>
  excluded: Exclusion[]
}

export type Match = { score: number; reasons: MatchReasons }

/**
 * What depends on one side only, computed once per profile or offer object:
 * retrieval scores one of them against a whole shortlist of the other side
 * (search/embedded/matching.ts). Profiles and offers are not mutated after
 * they are built, so caching by identity is safe.
 */
type OfferFacts = { required: MatchOffer['skills']; nice: MatchOffer['skills']; evidence: string[]; englishAsked: boolean }
const offerFactsCache = new WeakMap<MatchOffer, OfferFacts>()
export function offerFacts(offer: MatchOffer): OfferFacts {
  let facts = offerFactsCache.get(offer)
  if (!facts) {
    const required = offer.skills.filter((s) => s.required)
    const nice = offer.skills.filter((s) => !s.required)
    facts = {
      required,
      nice,
      // Evidence is read only when nothing is required: the nice-to-have skills, then the skills the text names.
      evidence: required.length ? [] : [...new Set([...nice.map((s) => s.slug), ...skillsNamedIn(offer.text)])],
      englishAsked: asksEnglish(offer),
    }
    offerFactsCache.set(offer, facts)
  }
  return facts
}
const heldCache = new WeakMap<MatchProfile, Map<string, MatchProfile['skills'][number]>>()
function heldSkills(profile: MatchProfile) {
  let held = heldCache.get(profile)
  if (!held) {
    held = new Map(profile.skills.map((s) => [s.slug, s]))
    heldCache.set(profile, held)
  }
  return held
}

export function scoreMatch(profile: MatchProfile, offer: MatchOffer, options: { now?: Date } = {}): Match {
  const now = options.now ?? new Date()
  const related: MatchReasons['related'] = []
  const parts = scoreParts(profile, offer, now, related)
  const { required, nice } = offerFacts(offer)
  const { requiredCredits, niceCredits, credits, km, reach, wished, late, experience, gap, englishAsked, englishLevel, occupation } = parts
  const excluded: Exclusion[] = []
  if (credits.contract === EXCLUDED) excluded.push('contract')
  if (remoteExcludes(profile.remotePreference, offer.remotePolicy)) excluded.push('remote')
  else if (credits.distance === EXCLUDED) excluded.push('distance')
  if (credits.level === EXCLUDED) excluded.push('level')
  if (credits.availability === EXCLUDED) excluded.push('availability')
  if (credits.occupation === EXCLUDED) excluded.push('trade')
  const points = Object.fromEntries(
    (Object.keys(credits) as Criterion[]).map((c) => [c, excluded.length ? 0 : criterionPoints(c, credits[c])]),
  ) as Record<Criterion, number>
  const held = heldSkills(profile)
  const fullRemote = offer.remotePolicy === 'full_remote'
  return {
    score: parts.score,
    reasons: {
      requiredMet: required.filter((_, i) => requiredCredits[i]! >= SKILL_MET_CREDIT[SkillMet.notions]!).map((s) => s.name),
      requiredMissing: required.filter((_, i) => requiredCredits[i]! < SKILL_MET_CREDIT[SkillMet.notions]!).map((s) => s.name),
      niceToHaveMet: nice.filter((_, i) => niceCredits[i]! >= SKILL_MET_CREDIT[SkillMet.notions]!).map((s) => s.name),
      niceToHaveCount: nice.length,
      related,
      evidence: required.length ? null : parts.evidenceHeld.map((slug) => held.get(slug)!.name),
      occupation: { offer: offer.occupation, ...occupation },
      distanceKm: km === null ? null : Math.round(km),
      remotePolicy: offer.remotePolicy,
      reachKm: fullRemote ? null : reach,
      reachable: fullRemote ? true : km === null ? null : km <= reach,
      anywhereInFrance: profile.anywhereInFrance,
      remoteOnly: profile.remotePreference === 'full_remote',
      contract: { type: offer.contractType, wished },
      lateDays: late,
      startDate: parseDay(offer.startDate) === null ? null : offer.startDate,
      level: { offer: offer.experienceLevel, candidate: experience.level, ok: gap <= 0, years: experience.years, from: experience.from },
      english: englishAsked ? { level: englishLevel, ok: credits.english >= 1 } : null,
      points,
      excluded,
    },
  }
}

/**
 * The score alone, by the same arithmetic as scoreMatch, for the odd pair
 * ranked without being shown. A whole forum goes through ForumScorer
 * (forum-scorer.ts), the same score over typed arrays.
 */
export function scoreOnly(profile: MatchProfile, offer: MatchOffer, now: Date): number {
  return scoreParts(profile, offer, now, null).score
}

function scoreParts(profile: MatchProfile, offer: MatchOffer, now: Date, related: MatchReasons['related'] | null) {
  const held = heldSkills(profile)
  const { required, nice, evidence, englishAsked } = offerFacts(offer)
  const requiredCredits = required.map((skill) => skillCredit(held, skill, related))
  const niceCredits = nice.map((skill) => skillCredit(held, skill, related))
  const occupation = occupationFit(profile.occupations, offer.occupation)
  const occupationShare = occupationCredit(occupation.fit)
  const evidenceHeld = evidence.filter((slug) => held.has(slug))
  const requiredShare = required.length ? skillsShare(sum(requiredCredits), required.length, 0) : evidenceShare(occupationShare, evidenceHeld.length)
  const niceShare = skillsShare(sum(niceCredits), nice.length, 1)

  const km = profile.place && offer.place
    ? distanceKm(profile.place.latitude, profile.place.longitude, offer.place.latitude, offer.place.longitude)
    : null
  const reach = reachKm(profile.mobilityKm, offer.remotePolicy)
  const distance = distanceCredit(km, reach, offer.remotePolicy === 'full_remote', profile.anywhereInFrance,
    remoteExcludes(profile.remotePreference, offer.remotePolicy))
  const wished = contractWished(profile.contractTypes, profile.excludedContracts, offer.contractType)
  const available = parseDay(profile.availableFrom)
  const late = available === null ? null : lateDays(available, startTime(offer.startDate, now))
  const experience = experienceOf(profile, now)
  const gap = levelGap(offer.experienceLevel, experience.level)
  const englishLevel = englishLevelOf(profile)
  const credits: Record<Criterion, number> = {
    requiredSkills: requiredShare,
    niceToHaveSkills: niceShare,
    occupation: tradeCredit(occupationShare, requiredShare),
    distance,
    contract: contractCredit(wished),
    level: levelCredit(gap),
    availability: availabilityCredit(late),
    english: englishShare(englishAsked, englishLevel),
  }
  const score = weighedScore(
    credits.requiredSkills, credits.niceToHaveSkills, credits.occupation, credits.distance, credits.contract, credits.level,
    credits.availability, credits.english,
  )
  return { score, requiredCredits, niceCredits, credits, km, reach, wished, late, experience, gap, englishAsked, englishLevel, occupation, evidenceHeld }
}

export { reachKm }
export { experienceOf }

/** Beyond this, the pair is excluded (unless the candidate is mobile anywhere): retrieval may leave such pairs out. */
export function farthestUsefulKm(mobilityKm: number, remotePolicy: RemotePolicy): number {
  return reachKm(mobilityKm, remotePolicy)
}

/** Best credit of one offer skill, remembering a related skill when that is what counted. */
function skillCredit(
  held: Map<string, MatchProfile['skills'][number]>,
  skill: { slug: string; name: string },
  related: MatchReasons['related'] | null,
): number {
  const own = held.get(skill.slug)
  if (own) return SKILL_MET_CREDIT[ownSkillMet(own.level)]!
  for (const slug of relatedSkills(skill.slug)) {
    const via = held.get(slug)
    if (via) {
      related?.push({ wanted: skill.name, via: via.name })
      return SKILL_MET_CREDIT[SkillMet.related]!
    }
  }
  return SKILL_MET_CREDIT[SkillMet.no]!
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

import type { ContractType, DegreeLevel, ExperienceLevel, LanguageLevel, RemotePolicy, RemotePreference } from '#db/domain.ts'
import { distanceKm } from '../geo.ts'
import { relatedSkills } from './related-skills.ts'
import {
  asksEnglish, availabilityCredit, contractCredit, contractWished, distanceShare, englishLevelOf, englishShare, lateDays,
  levelCredit, levelGap, ownSkillMet, parseDay, reachKm, remoteHalvesDistance, SKILL_MET_CREDIT, SkillMet, skillsShare,
  startTime, weighedScore,
} from './score-criteria.ts'
import { DISTANCE_ZERO_AT, NO_REQUIRED_SKILLS_CREDIT, SKILL_CREDIT } from './weights.ts'

/**
 * The explainable match score between a candidate profile and an offer.
 * Pure: the callers load both sides (search/embedded/match-facts.ts). Each
 * criterion's formula lives in score-criteria.ts, shared with the forum's
 * bulk scorer (forum-scorer.ts).
 */

export type Place = { latitude: number; longitude: number }

export type MatchProfile = {
  skills: { slug: string; name: string; level: number }[]
  place: Place | null
  mobilityKm: number
  remotePreference: RemotePreference
  contractTypes: ContractType[]
  /** YYYY-MM-DD, or null when not said. */
  availableFrom: string | null
  degreeLevel: DegreeLevel | null
  graduationYear: number | null
  languages: { code: string; level: LanguageLevel }[]
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
}

export type MatchReasons = {
  requiredMet: string[]
  requiredMissing: string[]
  niceToHaveMet: string[]
  /** Offer skills credited through a related skill of the candidate. */
  related: { wanted: string; via: string }[]
  /** Null when either commune is unknown. */
  distanceKm: number | null
  remotePolicy: RemotePolicy
  /** Within the candidate's radius (stretched for hybrid, always for full remote); null when unknown. */
  reachable: boolean | null
  /** The candidate looks for this contract type; null when they listed none. */
  contract: { type: ContractType; wished: boolean | null }
  /** Days between the offer's start and the candidate's availability (0 = on time); null when unknown. */
  lateDays: number | null
  level: { offer: ExperienceLevel; candidate: ExperienceLevel; ok: boolean }
  /** Null when the offer does not ask for English. */
  english: { level: LanguageLevel | null; ok: boolean } | null
}

export type Match = { score: number; reasons: MatchReasons }

const LEVELS: ExperienceLevel[] = ['entry', 'junior', 'confirmed', 'senior']

/**
 * What depends on one side only, computed once per profile or offer object:
 * retrieval scores one of them against a whole shortlist of the other side
 * (search/embedded/matching.ts). Profiles and offers are not mutated after
 * they are built, so caching by identity is safe.
 */
const offerFactsCache = new WeakMap<MatchOffer, { required: MatchOffer['skills']; nice: MatchOffer['skills']; englishAsked: boolean }>()
function offerFacts(offer: MatchOffer) {
  let facts = offerFactsCache.get(offer)
  if (!facts) {
    facts = {
      required: offer.skills.filter((s) => s.required),
      nice: offer.skills.filter((s) => !s.required),
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
  const { required, nice, englishAsked } = offerFacts(offer)
  const { requiredCredits, niceCredits, distance, wished, late, candidateLevel, gap, englishLevel, english } = parts
  return {
    score: parts.score,
    reasons: {
      requiredMet: required.filter((_, i) => requiredCredits[i]! >= SKILL_CREDIT.notions).map((s) => s.name),
      requiredMissing: required.filter((_, i) => requiredCredits[i]! < SKILL_CREDIT.notions).map((s) => s.name),
      niceToHaveMet: nice.filter((_, i) => niceCredits[i]! >= SKILL_CREDIT.notions).map((s) => s.name),
      related,
      distanceKm: distance.km === null ? null : Math.round(distance.km),
      remotePolicy: offer.remotePolicy,
      reachable: distance.reachable,
      contract: { type: offer.contractType, wished },
      lateDays: late,
      level: { offer: offer.experienceLevel, candidate: candidateLevel, ok: gap <= 0 },
      english: englishAsked ? { level: englishLevel, ok: english >= 1 } : null,
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
  const { required, nice, englishAsked } = offerFacts(offer)
  const requiredCredits = required.map((skill) => skillCredit(held, skill, related))
  const niceCredits = nice.map((skill) => skillCredit(held, skill, related))
  const requiredShare = skillsShare(sum(requiredCredits), required.length, NO_REQUIRED_SKILLS_CREDIT)
  const niceShare = skillsShare(sum(niceCredits), nice.length, 1)

  const distance = distanceOf(profile, offer)
  const wished = contractWished(profile.contractTypes, offer.contractType)
  const available = parseDay(profile.availableFrom)
  const late = available === null ? null : lateDays(available, startTime(offer.startDate, now))
  const candidateLevel = experienceOf(profile, now)
  const gap = levelGap(offer.experienceLevel, candidateLevel)
  const englishLevel = englishLevelOf(profile)
  const english = englishShare(englishAsked, englishLevel)
  const score = weighedScore(
    requiredShare, niceShare, distance.share, contractCredit(wished), availabilityCredit(late), levelCredit(gap), english,
  )
  return { score, requiredCredits, niceCredits, distance, wished, late, candidateLevel, gap, englishLevel, english }
}

export { reachKm }

/** Beyond this, the distance gives no credit: retrieval may leave such pairs out. */
export function farthestUsefulKm(mobilityKm: number, remotePolicy: RemotePolicy): number {
  return reachKm(mobilityKm, remotePolicy) * DISTANCE_ZERO_AT
}

function distanceOf(profile: MatchProfile, offer: MatchOffer): { km: number | null; share: number; reachable: boolean | null } {
  const km = profile.place && offer.place
    ? distanceKm(profile.place.latitude, profile.place.longitude, offer.place.latitude, offer.place.longitude)
    : null
  const fullRemote = offer.remotePolicy === 'full_remote'
  const reach = reachKm(profile.mobilityKm, offer.remotePolicy)
  const share = distanceShare(km, reach, fullRemote, remoteHalvesDistance(profile.remotePreference, offer.remotePolicy))
  return { km, share, reachable: fullRemote ? true : km === null ? null : km <= reach }
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

/**
 * The experience a graduate brings: years since graduation, a Bac +5 counting
 * one step more (long trainings include a year of internships or work-study).
 * Without a graduation year, a young graduate is assumed.
 */
export function experienceOf(profile: Pick<MatchProfile, 'graduationYear' | 'degreeLevel'>, now: Date): ExperienceLevel {
  const years = profile.graduationYear === null ? 0 : Math.max(0, now.getUTCFullYear() - profile.graduationYear)
  let index = years <= 1 ? 0 : years <= 3 ? 1 : years <= 7 ? 2 : 3
  if ((profile.degreeLevel === 'bac5' || profile.degreeLevel === 'bac8') && index < 3 && years >= 1) index++
  return LEVELS[index]!
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

import type { ContractType, DegreeLevel, ExperienceLevel, LanguageLevel, RemotePolicy, RemotePreference } from '#db/domain.ts'
import { distanceKm } from '../geo.ts'
import { relatedSkills } from './related-skills.ts'
import {
  AVAILABILITY_GRACE_DAYS, DISTANCE_ZERO_AT, ENGLISH_CREDIT, HYBRID_RADIUS_FACTOR, MIN_RADIUS_KM,
  NO_REQUIRED_SKILLS_CREDIT, SKILL_CREDIT, UNKNOWN_CREDIT, WEIGHTS,
} from './weights.ts'

/**
 * The explainable match score between a candidate profile and an offer.
 * Pure: the callers load both sides (search/embedded/match-facts.ts).
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

const DAY_MS = 86_400_000
const LEVELS: ExperienceLevel[] = ['entry', 'junior', 'confirmed', 'senior']
const ENGLISH_ASKED = /\b(anglais|english)\b/i

/**
 * What depends on one side only, computed once per profile or offer object:
 * a forum scores each of them against thousands of the other side
 * (search/matching/forum-matches.ts). Profiles and offers are not mutated
 * after they are built, so caching by identity is safe.
 */
const offerFactsCache = new WeakMap<MatchOffer, { required: MatchOffer['skills']; nice: MatchOffer['skills']; englishAsked: boolean }>()
function offerFacts(offer: MatchOffer) {
  let facts = offerFactsCache.get(offer)
  if (!facts) {
    facts = {
      required: offer.skills.filter((s) => s.required),
      nice: offer.skills.filter((s) => !s.required),
      englishAsked: ENGLISH_ASKED.test(offer.text),
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
  const { requiredCredits, niceCredits, distance, contractWished, lateDays, candidateLevel, levelGap, englishLevel, englishShare } = parts
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
      contract: { type: offer.contractType, wished: contractWished },
      lateDays,
      level: { offer: offer.experienceLevel, candidate: candidateLevel, ok: levelGap <= 0 },
      english: englishAsked ? { level: englishLevel, ok: englishShare >= 1 } : null,
    },
  }
}

/**
 * The score alone, by the same arithmetic as scoreMatch: for ranking many
 * pairs (a whole forum), explaining only those shown.
 */
export function scoreOnly(profile: MatchProfile, offer: MatchOffer, now: Date): number {
  return scoreParts(profile, offer, now, null).score
}

function scoreParts(profile: MatchProfile, offer: MatchOffer, now: Date, related: MatchReasons['related'] | null) {
  const held = heldSkills(profile)
  const { required, nice, englishAsked } = offerFacts(offer)
  const requiredCredits = required.map((skill) => skillCredit(held, skill, related))
  const niceCredits = nice.map((skill) => skillCredit(held, skill, related))
  const requiredShare = required.length ? sum(requiredCredits) / required.length : NO_REQUIRED_SKILLS_CREDIT
  const niceShare = nice.length ? sum(niceCredits) / nice.length : 1

  const distance = distanceOf(profile, offer)
  const contractWished = profile.contractTypes.length ? profile.contractTypes.includes(offer.contractType) : null
  const lateDays = lateness(profile.availableFrom, offer.startDate, now)
  const candidateLevel = experienceOf(profile, now)
  const levelGap = LEVELS.indexOf(offer.experienceLevel) - LEVELS.indexOf(candidateLevel)
  const englishLevel = profile.languages.find((l) => l.code === 'en')?.level ?? null
  const englishShare = englishAsked ? (englishLevel ? ENGLISH_CREDIT[englishLevel] ?? 0 : 0) : 1

  const points =
    WEIGHTS.requiredSkills * requiredShare +
    WEIGHTS.niceToHaveSkills * niceShare +
    WEIGHTS.distance * distance.share +
    WEIGHTS.contract * (contractWished === null ? UNKNOWN_CREDIT : contractWished ? 1 : 0) +
    WEIGHTS.availability * (lateDays === null ? UNKNOWN_CREDIT : Math.max(0, 1 - lateDays / AVAILABILITY_GRACE_DAYS)) +
    // One level above the candidate's is a stretch worth proposing; two is not.
    WEIGHTS.level * (levelGap <= 0 ? 1 : levelGap === 1 ? 0.5 : 0) +
    WEIGHTS.english * englishShare
  return {
    score: Math.max(0, Math.min(100, Math.round(points))),
    requiredCredits, niceCredits, distance, contractWished, lateDays, candidateLevel, levelGap, englishLevel, englishShare,
  }
}

/** The radius the candidate accepts for this offer: stretched for hybrid, unlimited for full remote. */
export function reachKm(mobilityKm: number, remotePolicy: RemotePolicy): number {
  if (remotePolicy === 'full_remote') return Infinity
  const radius = Math.max(MIN_RADIUS_KM, mobilityKm)
  return remotePolicy === 'hybrid' ? radius * HYBRID_RADIUS_FACTOR : radius
}

/** Beyond this, the distance gives no credit: retrieval may leave such pairs out. */
export function farthestUsefulKm(mobilityKm: number, remotePolicy: RemotePolicy): number {
  return reachKm(mobilityKm, remotePolicy) * DISTANCE_ZERO_AT
}

function distanceOf(profile: MatchProfile, offer: MatchOffer): { km: number | null; share: number; reachable: boolean | null } {
  const km = profile.place && offer.place
    ? distanceKm(profile.place.latitude, profile.place.longitude, offer.place.latitude, offer.place.longitude)
    : null
  let share: number
  let reachable: boolean | null
  if (offer.remotePolicy === 'full_remote') {
    share = 1
    reachable = true
  } else if (km === null) {
    share = UNKNOWN_CREDIT
    reachable = null
  } else {
    const reach = reachKm(profile.mobilityKm, offer.remotePolicy)
    reachable = km <= reach
    share = reachable ? 1 : Math.max(0, 1 - (km - reach) / (reach * (DISTANCE_ZERO_AT - 1)))
  }
  // Someone who only wants full remote would still go to a hybrid office now and then, not every day to one on site.
  if (profile.remotePreference === 'full_remote' && offer.remotePolicy === 'on_site') share *= 0.5
  return { km, share, reachable }
}

/** Best credit of one offer skill, remembering a related skill when that is what counted. */
function skillCredit(
  held: Map<string, MatchProfile['skills'][number]>,
  skill: { slug: string; name: string },
  related: MatchReasons['related'] | null,
): number {
  const own = held.get(skill.slug)
  if (own) return own.level >= 2 ? SKILL_CREDIT.held : SKILL_CREDIT.notions
  for (const slug of relatedSkills(skill.slug)) {
    const via = held.get(slug)
    if (via) {
      related?.push({ wanted: skill.name, via: via.name })
      return SKILL_CREDIT.related
    }
  }
  return 0
}

function lateness(availableFrom: string | null, startDate: string | null, now: Date): number | null {
  const available = parseDay(availableFrom)
  if (available === null) return null
  // No start date means "as soon as possible", that is today.
  const start = parseDay(startDate) ?? now.getTime()
  return Math.max(0, Math.ceil((available - start) / DAY_MS))
}

// A forum parses the same few hundred dates hundreds of thousands of times.
const parsedDays = new Map<string, number | null>()
function parseDay(day: string | null): number | null {
  if (!day) return null
  let time = parsedDays.get(day)
  if (time === undefined) {
    const parsed = Date.parse(day)
    time = Number.isNaN(parsed) ? null : parsed
    if (parsedDays.size > 10_000) parsedDays.clear()
    parsedDays.set(day, time)
  }
  return time
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

import { EXPERIENCE_LEVELS, type ContractType, type ExperienceLevel, type LanguageLevel, type RemotePolicy, type RemotePreference } from '#db/domain.ts'
import type { MatchOffer, MatchProfile } from './score.ts'
import {
  AVAILABILITY_GRACE_DAYS, DISTANCE_ZERO_AT, ENGLISH_CREDIT, HYBRID_RADIUS_FACTOR, MIN_RADIUS_KM, SKILL_CREDIT,
  UNKNOWN_CREDIT, WEIGHTS,
} from './weights.ts'

/**
 * The arithmetic of each criterion of the match score, shared by the
 * explaining scorer (score.ts) and the forum's bulk scorer (forum-scorer.ts):
 * one formula per criterion, so both give the same score to the bit.
 * Why these credits: docs/decisions/002-matching-score.md.
 */

/** How an offer skill is met, best first; the bulk scorer stores one per (candidate, skill) in a byte. */
export const SkillMet = { no: 0, related: 1, notions: 2, held: 3 } as const
export type SkillMet = (typeof SkillMet)[keyof typeof SkillMet]
/** The credit of each SkillMet value, indexed by it. */
export const SKILL_MET_CREDIT: readonly number[] = [0, SKILL_CREDIT.related, SKILL_CREDIT.notions, SKILL_CREDIT.held]

export function ownSkillMet(level: number): SkillMet {
  return level >= 2 ? SkillMet.held : SkillMet.notions
}

/** Mean credit over an offer's skills of one kind; `none` when it lists none of that kind. */
export function skillsShare(creditSum: number, count: number, none: number): number {
  return count ? creditSum / count : none
}

/** The radius the candidate accepts for this offer: stretched for hybrid, unlimited for full remote. */
export function reachKm(mobilityKm: number, remotePolicy: RemotePolicy): number {
  if (remotePolicy === 'full_remote') return Infinity
  const radius = Math.max(MIN_RADIUS_KM, mobilityKm)
  return remotePolicy === 'hybrid' ? radius * HYBRID_RADIUS_FACTOR : radius
}

// Someone who only wants full remote would still go to a hybrid office now and then, not every day to one on site.
export function remoteHalvesDistance(preference: RemotePreference, policy: RemotePolicy): boolean {
  return preference === 'full_remote' && policy === 'on_site'
}

/** `km` is null when either commune is unknown; a full-remote offer is reached from anywhere. */
export function distanceShare(km: number | null, reach: number, fullRemote: boolean, halved: boolean): number {
  let share: number
  if (fullRemote) share = 1
  else if (km === null) share = UNKNOWN_CREDIT
  else share = km <= reach ? 1 : Math.max(0, 1 - (km - reach) / (reach * (DISTANCE_ZERO_AT - 1)))
  return halved ? share * 0.5 : share
}

/** Null when the candidate listed no contract type. */
export function contractWished(wished: readonly ContractType[], type: ContractType): boolean | null {
  return wished.length ? wished.includes(type) : null
}

/** `wished` is null when the candidate listed no contract type. */
export function contractCredit(wished: boolean | null): number {
  return wished === null ? UNKNOWN_CREDIT : wished ? 1 : 0
}

/** When the offer starts, in ms: no start date means "as soon as possible", that is today. */
export function startTime(startDate: string | null, now: Date): number {
  return parseDay(startDate) ?? now.getTime()
}

/** Days between the start (ms) and the candidate's availability (ms), 0 when on time. */
export function lateDays(availableMs: number, startMs: number): number {
  return Math.max(0, Math.ceil((availableMs - startMs) / 86_400_000))
}

/** `late` is null when the candidate gave no availability date. */
export function availabilityCredit(late: number | null): number {
  return late === null ? UNKNOWN_CREDIT : Math.max(0, 1 - late / AVAILABILITY_GRACE_DAYS)
}

export function levelGap(offer: ExperienceLevel, candidate: ExperienceLevel): number {
  return EXPERIENCE_LEVELS.indexOf(offer) - EXPERIENCE_LEVELS.indexOf(candidate)
}

/** Levels the offer asks above the candidate's. One above is a stretch worth proposing; two is not. */
export function levelCredit(gap: number): number {
  return gap <= 0 ? 1 : gap === 1 ? 0.5 : 0
}

const ENGLISH_ASKED = /\b(anglais|english)\b/i
/** Offers have no language field: English is asked when the title or description says so. */
export function asksEnglish(offer: MatchOffer): boolean {
  return ENGLISH_ASKED.test(offer.text)
}

export function englishLevelOf(profile: MatchProfile): LanguageLevel | null {
  return profile.languages.find((l) => l.code === 'en')?.level ?? null
}

export function englishShare(asked: boolean, level: string | null): number {
  return asked ? (level ? ENGLISH_CREDIT[level] ?? 0 : 0) : 1
}

/** The criteria's credits (each 0..1) weighed into an integer score, 0..100. */
export function weighedScore(
  required: number, nice: number, distance: number, contract: number, availability: number, level: number, english: number,
): number {
  const points =
    WEIGHTS.requiredSkills * required +
    WEIGHTS.niceToHaveSkills * nice +
    WEIGHTS.distance * distance +
    WEIGHTS.contract * contract +
    WEIGHTS.availability * availability +
    WEIGHTS.level * level +
    WEIGHTS.english * english
  return Math.max(0, Math.min(100, Math.round(points)))
}

// A forum parses the same few hundred dates hundreds of thousands of times.
const parsedDays = new Map<string, number | null>()
/** A YYYY-MM-DD day in ms, null when absent or unreadable. */
export function parseDay(day: string | null): number | null {
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

import { EXPERIENCE_LEVELS, type ContractType, type ExperienceLevel, type LanguageLevel, type RemotePolicy, type RemotePreference } from '#db/domain.ts'
import {
  ANYWHERE_BEYOND_RADIUS_CREDIT, AVAILABILITY_GRACE_DAYS, DISTANCE_CREDIT_AT_RADIUS, ENGLISH_CREDIT, HYBRID_RADIUS_FACTOR,
  MIN_RADIUS_KM, OCCUPATION_CREDIT, ONE_LEVEL_ABOVE_CREDIT, SKILL_CREDIT, TEXT_SKILLS_FOR_FULL_CREDIT, UNKNOWN_CREDIT, WEIGHTS,
  type Criterion,
} from './weights.ts'

/**
 * The arithmetic of each criterion of the match score, shared by the
 * explaining scorer (score.ts) and the forum's bulk scorer (forum-scorer.ts):
 * one formula per criterion, so both give the same score to the bit.
 * A credit is 0..1, or EXCLUDED when the criterion rules the pair out (a
 * constraint the candidate set: contract, radius, full remote only, level,
 * availability). Why: docs/decisions/014-matching-constraints.md.
 */

/** The credit of a criterion that rules the pair out: the whole score is then 0. */
export const EXCLUDED = -1

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

/** An offer without required skills: half from the occupation's credit, half from the candidate's skills its text names. */
export function evidenceShare(occupation: number, heldNamed: number): number {
  return 0.5 * occupation + 0.5 * Math.min(1, heldNamed / TEXT_SKILLS_FOR_FULL_CREDIT)
}

/**
 * Another trade (or none said) and less than half the required skills' credit: not a match a counsellor would propose
 * (an ERP consultant shown Power BI jobs). The occupation criterion then excludes the pair.
 */
export function tradeCredit(occupation: number, required: number): number {
  return occupation === 0 && required < 0.5 ? EXCLUDED : occupation
}

export type OccupationFit = 'same' | 'neighbour' | 'other' | 'unknown'
export function occupationCredit(fit: OccupationFit): number {
  return fit === 'same' ? OCCUPATION_CREDIT.same : fit === 'neighbour' ? OCCUPATION_CREDIT.neighbour : 0
}

/** The radius the candidate accepts for this offer: stretched for hybrid, unlimited for full remote. */
export function reachKm(mobilityKm: number, remotePolicy: RemotePolicy): number {
  if (remotePolicy === 'full_remote') return Infinity
  const radius = Math.max(MIN_RADIUS_KM, mobilityKm)
  return remotePolicy === 'hybrid' ? radius * HYBRID_RADIUS_FACTOR : radius
}

/** "Télétravail complet uniquement": an offer on site or hybrid is not for this candidate. */
export function remoteExcludes(preference: RemotePreference, policy: RemotePolicy): boolean {
  return preference === 'full_remote' && policy !== 'full_remote'
}

/**
 * `km` is null when either commune is unknown (0: not evaluated, and said).
 * Beyond the reach excludes, unless the candidate is mobile anywhere in France.
 */
export function distanceCredit(km: number | null, reach: number, fullRemote: boolean, anywhere: boolean, remoteOnly: boolean): number {
  if (remoteOnly) return EXCLUDED
  if (fullRemote) return 1
  if (km === null) return 0
  if (km > reach) return anywhere ? ANYWHERE_BEYOND_RADIUS_CREDIT : EXCLUDED
  return 1 - (1 - DISTANCE_CREDIT_AT_RADIUS) * (km / reach)
}

/** False for a contract excluded outright or not among those wished; null when the candidate listed none either way. */
export function contractWished(wished: readonly ContractType[], excluded: readonly ContractType[], type: ContractType): boolean | null {
  if (excluded.includes(type)) return false
  return wished.length ? wished.includes(type) : null
}

/** `wished` is null when the candidate listed no contract type; a contract they did not list excludes. */
export function contractCredit(wished: boolean | null): number {
  return wished === null ? UNKNOWN_CREDIT : wished ? 1 : EXCLUDED
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
  if (late === null) return UNKNOWN_CREDIT
  return late > AVAILABILITY_GRACE_DAYS ? EXCLUDED : 1 - late / AVAILABILITY_GRACE_DAYS
}

export function levelGap(offer: ExperienceLevel, candidate: ExperienceLevel): number {
  return EXPERIENCE_LEVELS.indexOf(offer) - EXPERIENCE_LEVELS.indexOf(candidate)
}

/** One level above the candidate's is a stretch worth proposing; two or more is not proposed. */
export function levelCredit(gap: number): number {
  return gap <= 0 ? 1 : gap === 1 ? ONE_LEVEL_ABOVE_CREDIT : EXCLUDED
}

const ENGLISH_ASKED = /\b(anglais|english)\b/i
/** Offers have no language field: English is asked when the title or description says so. */
export function asksEnglish(offer: { text: string }): boolean {
  return ENGLISH_ASKED.test(offer.text)
}

export function englishLevelOf(profile: { languages: { code: string; level: LanguageLevel }[] }): LanguageLevel | null {
  return profile.languages.find((l) => l.code === 'en')?.level ?? null
}

export function englishShare(asked: boolean, level: string | null): number {
  return asked ? (level ? ENGLISH_CREDIT[level] ?? 0 : 0) : 1
}

/** A criterion's points: its weight times its credit, rounded on its own so the reason lines add up to the score. */
export function criterionPoints(criterion: Criterion, credit: number): number {
  return Math.round(WEIGHTS[criterion] * credit)
}

/** The criteria's credits weighed into an integer score, 0..100; 0 when one excludes the pair. */
export function weighedScore(
  required: number, nice: number, occupation: number, distance: number, contract: number, level: number, availability: number,
  english: number,
): number {
  if (required < 0 || nice < 0 || occupation < 0 || distance < 0 || contract < 0 || level < 0 || availability < 0 || english < 0) return 0
  return criterionPoints('requiredSkills', required) + criterionPoints('niceToHaveSkills', nice) +
    criterionPoints('occupation', occupation) + criterionPoints('distance', distance) + criterionPoints('contract', contract) +
    criterionPoints('level', level) + criterionPoints('availability', availability) + criterionPoints('english', english)
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

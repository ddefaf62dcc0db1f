import { CONTRACT_TYPES, EXPERIENCE_LEVELS, REMOTE_POLICIES } from '#db/domain.ts'
import { distanceKm } from '../geo.ts'
import { relatedSkills } from '../matching/related-skills.ts'
import {
  contractCredit, contractWished, distanceShare, levelCredit, levelGap, ownSkillMet, reachKm, remoteHalvesDistance, SKILL_MET_CREDIT,
  SkillMet, skillsShare,
} from '../matching/score-criteria.ts'
import { experienceOf, type MatchProfile } from '../matching/score.ts'
import { DISTANCE_ZERO_AT, NO_REQUIRED_SKILLS_CREDIT, WEIGHTS } from '../matching/weights.ts'
import type { OfferStore } from './offer-store.ts'

const FULL_REMOTE = REMOTE_POLICIES.indexOf('full_remote')

/**
 * "Offers for this candidate", first step, on the engine's in-memory store
 * rather than by ranking every text match in FTS5 (which grows with the
 * board: 51,000 matches and 115 ms at 100,000 offers, and keeps offers by
 * word frequency, not by fit). One pass over typed arrays applies the hard
 * filters (open, not expired, a skill in common, own or related, and within
 * twice the candidate's reach unless full remote or unknown) and estimates
 * the score of every offer left with what the store knows: the scorer's own formulas for
 * distance, contract and level, and skills (required and
 * others). Start date and English, which it does not hold, count as met for
 * all: the estimate is the score plus at most their 12 points. Only the best
 * `size` estimates go to the real scorer. bench/offers-for-you.ts measures
 * how much of the ideal top 10 this keeps.
 */
export function shortlistOffers(store: OfferStore, profile: MatchProfile, size: number, now: Date): number[] {
  if (profile.skills.length === 0) return []
  const held = new Map(profile.skills.map((s) => [s.slug, s.level]))
  const credit = new Float64Array(store.skills.size)
  for (let code = 0; code < credit.length; code++) {
    const slug = store.skills.values[code]!
    const level = held.get(slug)
    if (level !== undefined) credit[code] = SKILL_MET_CREDIT[ownSkillMet(level)]!
    else if ([...relatedSkills(slug)].some((r) => held.has(r))) credit[code] = SKILL_MET_CREDIT[SkillMet.related]!
  }
  const placeKm = new Float64Array(store.places.size).fill(Number.NaN)
  if (profile.place) {
    for (let p = 0; p < placeKm.length; p++) {
      const lat = store.placeLatitude[p]!
      if (!Number.isNaN(lat)) placeKm[p] = distanceKm(profile.place.latitude, profile.place.longitude, lat, store.placeLongitude[p]!)
    }
  }
  // Points for distance per place and remote policy: offers share a few hundred places.
  const placePoints = new Float64Array(placeKm.length * REMOTE_POLICIES.length)
  for (let p = 0; p < placeKm.length; p++) {
    for (const [r, policy] of REMOTE_POLICIES.entries()) {
      const km = placeKm[p]!
      placePoints[p * REMOTE_POLICIES.length + r] = WEIGHTS.distance * distanceShare(Number.isNaN(km) ? null : km,
        reachKm(profile.mobilityKm, policy), r === FULL_REMOTE, remoteHalvesDistance(profile.remotePreference, policy))
    }
  }
  const contractPoints = CONTRACT_TYPES.map((type) => WEIGHTS.contract * contractCredit(contractWished(profile.contractTypes, type)))
  const candidateLevel = experienceOf(profile, now)
  const levelPoints = EXPERIENCE_LEVELS.map((level) => WEIGHTS.level * levelCredit(levelGap(level, candidateLevel)))

  const limitKm = REMOTE_POLICIES.map((policy) => reachKm(profile.mobilityKm, policy) * DISTANCE_ZERO_AT)
  const nowMs = now.getTime()
  const { live, expiresAt, remote, place, contract, experience, skillCodes, requiredSkillCodes } = store
  const slots: number[] = []
  const estimates: number[] = []
  for (let slot = 0; slot < store.length; slot++) {
    if (!live[slot] || expiresAt[slot]! <= nowMs) continue
    // The scorer's skill shares: required skills, then the others (skillCodes holds both, required ones too).
    const count = skillCodes.count[slot]!
    const requiredCount = requiredSkillCodes.count[slot]!
    let all = 0
    let required = 0
    for (let k = skillCodes.start[slot]!, end = k + count; k < end; k++) all += credit[skillCodes.data[k]!]!
    for (let k = requiredSkillCodes.start[slot]!, end = k + requiredCount; k < end; k++) required += credit[requiredSkillCodes.data[k]!]!
    const niceCount = count - requiredCount
    const skillPoints = WEIGHTS.requiredSkills * skillsShare(required, requiredCount, NO_REQUIRED_SKILLS_CREDIT)
      + WEIGHTS.niceToHaveSkills * skillsShare(all - required, niceCount, 1)
    // Hard filters, as the contract wants them: a skill in common (own or related), and an
    // on-site or hybrid offer within twice the candidate's reach (full remote and unknown places stay).
    if (all === 0) continue
    const km = placeKm[place[slot]!]!
    if (remote[slot] !== FULL_REMOTE && km > limitKm[remote[slot]!]!) continue
    slots.push(slot)
    estimates.push(skillPoints + placePoints[place[slot]! * REMOTE_POLICIES.length + remote[slot]!]!
      + contractPoints[contract[slot]!]! + levelPoints[experience[slot]!]!)
  }
  // The best `size` by a native typed-array sort of the estimates, then only those (and ties) in full order.
  let chosen = slots.map((_, i) => i)
  if (chosen.length > size) {
    const threshold = Float64Array.from(estimates).sort()[estimates.length - size]!
    chosen = chosen.filter((i) => estimates[i]! >= threshold)
  }
  chosen.sort((a, b) => estimates[b]! - estimates[a]! || store.publishedAt[slots[b]!]! - store.publishedAt[slots[a]!]! || store.ids[slots[a]!]! - store.ids[slots[b]!]!)
  return chosen.slice(0, size).map((i) => store.ids[slots[i]!]!)
}

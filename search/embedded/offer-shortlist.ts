import { CONTRACT_TYPES, EXPERIENCE_LEVELS, REMOTE_POLICIES } from '#db/domain.ts'
import { distanceKm } from '../geo.ts'
import { relatedSkills } from '../matching/related-skills.ts'
import { experienceOf } from '../matching/experience.ts'
import { occupationFit } from '../matching/occupation-fit.ts'
import {
  contractCredit, contractWished, distanceCredit, EXCLUDED, levelCredit, levelGap, occupationCredit, ownSkillMet, reachKm,
  remoteExcludes, SKILL_MET_CREDIT, SkillMet, skillsShare,
} from '../matching/score-criteria.ts'
import type { MatchProfile } from '../matching/score.ts'
import { WEIGHTS } from '../matching/weights.ts'
import type { OfferStore } from './offer-store.ts'

const FULL_REMOTE = REMOTE_POLICIES.indexOf('full_remote')

/**
 * "Offers for this candidate", first step, on the engine's in-memory store
 * rather than by ranking every text match in FTS5 (which grows with the
 * board: 51,000 matches and 115 ms at 100,000 offers, and keeps offers by
 * word frequency, not by fit). One pass over typed arrays applies the hard
 * filters (open, not expired, a skill in common, own or related — for an
 * offer listing none, one its title names —, or the occupation aimed for or a ROME neighbour of it; and the candidate's
 * constraints the scorer excludes on: contract, radius, full remote only,
 * level) and estimates the score of every offer left with what the store
 * knows: the scorer's own formulas for distance, contract, level, occupation
 * and skills. Start date, English and the text's evidence, which it does not
 * hold, count as met for all. Only the best `size` estimates go to the real
 * scorer. bench/offers-for-you.ts and bench/matching.ts measure how much of the
 * ideal top 10 this keeps.
 */
export function shortlistOffers(store: OfferStore, profile: MatchProfile, size: number, now: Date): number[] {
  if (profile.skills.length === 0 && profile.occupations.length === 0) return []
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
  // Distance credit per place and remote policy (EXCLUDED beyond the reach): offers share a few hundred places.
  const placeCredit = new Float64Array(placeKm.length * REMOTE_POLICIES.length)
  for (let p = 0; p < placeKm.length; p++) {
    for (const [r, policy] of REMOTE_POLICIES.entries()) {
      const km = placeKm[p]!
      placeCredit[p * REMOTE_POLICIES.length + r] = distanceCredit(Number.isNaN(km) ? null : km, reachKm(profile.mobilityKm, policy),
        r === FULL_REMOTE, profile.anywhereInFrance, remoteExcludes(profile.remotePreference, policy))
    }
  }
  const contractCredits = CONTRACT_TYPES.map((type) => contractCredit(contractWished(profile.contractTypes, profile.excludedContracts, type)))
  const candidateLevel = experienceOf(profile, now).level
  const levelCredits = EXPERIENCE_LEVELS.map((level) => levelCredit(levelGap(level, candidateLevel)))
  const occupationCredits = store.occupations.values.map((code) => occupationCredit(occupationFit(profile.occupations, code).fit))

  const nowMs = now.getTime()
  const { live, expiresAt, remote, place, contract, experience, occupation, skillCodes, requiredSkillCodes, titleSkillCodes } = store
  const best = new BestSlots(size, store.publishedAt, store.ids)
  for (let slot = 0; slot < store.length; slot++) {
    if (!live[slot] || expiresAt[slot]! <= nowMs) continue
    const distance = placeCredit[place[slot]! * REMOTE_POLICIES.length + remote[slot]!]!
    const contractShare = contractCredits[contract[slot]!]!
    const levelShare = levelCredits[experience[slot]!]!
    if (distance === EXCLUDED || contractShare === EXCLUDED || levelShare === EXCLUDED) continue
    const occupationShare = occupation[slot]! < 0 ? 0 : occupationCredits[occupation[slot]!]!
    // The scorer's skill shares: required skills, then the others (skillCodes holds both, required ones too).
    const count = skillCodes.count[slot]!
    const requiredCount = requiredSkillCodes.count[slot]!
    let all = 0
    let required = 0
    for (let k = skillCodes.start[slot]!, end = k + count; k < end; k++) all += credit[skillCodes.data[k]!]!
    for (let k = requiredSkillCodes.start[slot]!, end = k + requiredCount; k < end; k++) required += credit[requiredSkillCodes.data[k]!]!
    // An offer listing no skill: the best skill its title names stands for the text's evidence.
    let evidence = 0
    if (count === 0) {
      for (let k = titleSkillCodes.start[slot]!, end = k + titleSkillCodes.count[slot]!; k < end; k++) {
        evidence = Math.max(evidence, credit[titleSkillCodes.data[k]!]!)
      }
    }
    // Something in common: a skill (own or related, listed or in the title), or the occupation aimed for or a neighbour.
    if (all === 0 && occupationShare === 0 && evidence === 0) continue
    const niceCount = count - requiredCount
    // Without required skills, the text's evidence (unknown here) is counted as met: an estimate errs upwards.
    const requiredShare = requiredCount ? required / requiredCount : 0.5 * occupationShare + 0.5
    best.offer(slot, WEIGHTS.requiredSkills * requiredShare + WEIGHTS.niceToHaveSkills * skillsShare(all - required, niceCount, 1)
      + WEIGHTS.occupation * occupationShare + WEIGHTS.distance * distance + WEIGHTS.contract * contractShare + WEIGHTS.level * levelShare)
  }
  return best.slotsInOrder().map((slot) => store.ids[slot]!)
}

/**
 * The best `size` slots by estimate, then the newest, then the lowest id: a
 * bounded heap whose root is the worst kept, so an offer that cannot enter
 * costs one comparison. Sorting every estimate instead cost 15–25 ms at
 * 100,000 offers for a candidate whose occupation half the board shares
 * (tens of thousands of offers tie at the threshold).
 */
export class BestSlots {
  private readonly slots: Int32Array
  private readonly estimates: Float64Array
  private length = 0

  constructor(private readonly size: number, private readonly publishedAt: Float64Array, private readonly ids: Int32Array) {
    const capacity = Number.isFinite(size) ? Math.max(0, size) : ids.length
    this.slots = new Int32Array(capacity)
    this.estimates = new Float64Array(capacity)
  }

  /** Keeps the slot when it is among the best seen so far. */
  offer(slot: number, estimate: number): void {
    if (this.slots.length === 0) return
    if (this.length < this.slots.length) {
      this.slots[this.length] = slot
      this.estimates[this.length] = estimate
      this.up(this.length++)
    } else if (this.better(slot, estimate, this.slots[0]!, this.estimates[0]!)) {
      this.slots[0] = slot
      this.estimates[0] = estimate
      this.down(0)
    }
  }

  /** The kept slots, best first. */
  slotsInOrder(): number[] {
    const order = Array.from({ length: this.length }, (_, i) => i)
    order.sort((a, b) => (this.better(this.slots[a]!, this.estimates[a]!, this.slots[b]!, this.estimates[b]!) ? -1 : 1))
    return order.map((i) => this.slots[i]!)
  }

  /** Higher estimate, then published later, then lower id (the order the page shows ties in). */
  private better(slot: number, estimate: number, other: number, otherEstimate: number): boolean {
    if (estimate !== otherEstimate) return estimate > otherEstimate
    const published = this.publishedAt[slot]!
    const otherPublished = this.publishedAt[other]!
    if (published !== otherPublished) return published > otherPublished
    return this.ids[slot]! < this.ids[other]!
  }

  // A min-heap on "better": the root is the worst kept.
  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.better(this.slots[parent]!, this.estimates[parent]!, this.slots[i]!, this.estimates[i]!)) return
      this.swap(i, parent)
      i = parent
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let worst = i
      if (left < this.length && this.better(this.slots[worst]!, this.estimates[worst]!, this.slots[left]!, this.estimates[left]!)) worst = left
      if (right < this.length && this.better(this.slots[worst]!, this.estimates[worst]!, this.slots[right]!, this.estimates[right]!)) worst = right
      if (worst === i) return
      this.swap(i, worst)
      i = worst
    }
  }

  private swap(a: number, b: number): void {
    const slot = this.slots[a]!
    const estimate = this.estimates[a]!
    this.slots[a] = this.slots[b]!
    this.estimates[a] = this.estimates[b]!
    this.slots[b] = slot
    this.estimates[b] = estimate
  }
}

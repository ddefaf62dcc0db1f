/**
 * STAND-IN SCORER for `npm run bench:forum` only: the real scorer
 * (search/matching/score.ts, issue 4 part "matching") was not on this branch
 * when the benchmark was written. It looks at skills alone — required skills
 * covered, weighted by the candidate's level (1–4), and nice-to-have skills —
 * so that the scheduler faces a realistic spread of scores. Replace it with
 * the real scorer once merged; the benchmark prints which one it used.
 */
export const STAND_IN_SCORER_NAME = 'substitut « recouvrement de compétences » (bench/skill-overlap-score.ts), en attendant search/matching/score.ts'

/** Skills as dense ids: a candidate is a level per skill id (0 = absent), an offer two id lists. */
export type SkillLevels = Uint8Array
export type OfferSkillIds = { required: number[]; niceToHave: number[] }

export function skillOverlapScore(levels: SkillLevels, offer: OfferSkillIds): number {
  let required = 0
  for (const id of offer.required) {
    const level = levels[id]!
    if (level > 0) required += 0.6 + 0.1 * level
  }
  let nice = 0
  for (const id of offer.niceToHave) if (levels[id]! > 0) nice++
  const requiredPart = offer.required.length === 0 ? 1 : required / offer.required.length
  const nicePart = offer.niceToHave.length === 0 ? 0 : nice / offer.niceToHave.length
  return Math.round(75 * requiredPart + 25 * nicePart)
}

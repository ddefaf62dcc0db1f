/**
 * Every weight of the match score, in one place. They add up to 100, so a
 * criterion's weight is the number of points it can give. Why these values:
 * docs/decisions/002-matching-score.md.
 */
export const WEIGHTS = {
  requiredSkills: 45,
  niceToHaveSkills: 10,
  distance: 15,
  contract: 10,
  level: 8,
  availability: 7,
  english: 5,
} as const

/** Credit of one skill, as a share of that skill's part of the weight. */
export const SKILL_CREDIT = {
  /** The candidate lists the skill at level 2 (intermediate) or more. */
  held: 1,
  /** The candidate lists it at level 1 (notions). */
  notions: 0.75,
  /** The candidate holds a related skill instead (related-skills.ts). */
  related: 0.5,
} as const

/** Share of the skills weight an offer without required skills gives: nothing to check, nothing proven. */
export const NO_REQUIRED_SKILLS_CREDIT = 0.5

/** A hybrid offer asks for the trip a few days a week: the candidate's radius stretches by this factor. */
export const HYBRID_RADIUS_FACTOR = 1.5
/** Beyond the radius, distance credit falls linearly to 0 at this multiple of it. */
export const DISTANCE_ZERO_AT = 2
/** A radius of 0 km still tolerates the same town. */
export const MIN_RADIUS_KM = 5

/** A candidate available this many days after the start date gets no availability credit. */
export const AVAILABILITY_GRACE_DAYS = 90

/** Credit when the profile does not say (no commune, no contract wished, no availability date). */
export const UNKNOWN_CREDIT = 0.5

/** Credit of the English criterion by the candidate's CEFR level, when the offer asks for English. */
export const ENGLISH_CREDIT: Record<string, number> = { a1: 0, a2: 0.3, b1: 0.6, b2: 1, c1: 1, c2: 1, native: 1 }

/**
 * A "good" match for the organiser's coverage figure: most required skills
 * held and the place reachable, roughly; below it a pair is a long shot.
 */
export const GOOD_MATCH_SCORE = 60

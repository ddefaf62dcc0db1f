/**
 * Every weight of the match score, in one place. They add up to 100, so a
 * criterion's weight is the number of points it can give; each criterion's
 * points are rounded on their own, so the reason lines add up to the score.
 * Why these values, and which rules exclude a pair outright:
 * docs/decisions/002-matching-score.md and 014-matching-constraints.md.
 */
export const WEIGHTS = {
  requiredSkills: 35,
  niceToHaveSkills: 10,
  occupation: 15,
  distance: 10,
  contract: 10,
  level: 10,
  availability: 5,
  english: 5,
} as const
export type Criterion = keyof typeof WEIGHTS

/** Credit of one skill, as a share of that skill's part of the weight. */
export const SKILL_CREDIT = {
  /** The candidate lists the skill at level 2 (intermediate) or more. */
  held: 1,
  /** The candidate lists it at level 1 (notions). */
  notions: 0.75,
  /** The candidate holds a related skill instead (related-skills.ts). */
  related: 0.5,
} as const

/**
 * An offer without required skills: its required-skills points come half from
 * the occupation (same credit as the occupation criterion) and half from the
 * candidate's skills its title and description name, full at this many.
 */
export const TEXT_SKILLS_FOR_FULL_CREDIT = 2

/** Occupation credit: the offer's ROME code is one the candidate aims for, or a ROME mobility neighbour of one. */
export const OCCUPATION_CREDIT = { same: 1, neighbour: 0.6 } as const

/** A hybrid offer asks for the trip a few days a week: the candidate's radius stretches by this factor. */
export const HYBRID_RADIUS_FACTOR = 1.5
/** A radius of 0 km still tolerates the same town. */
export const MIN_RADIUS_KM = 5
/** Within the radius, distance credit falls linearly from 1 at home to this at the radius. */
export const DISTANCE_CREDIT_AT_RADIUS = 0.5
/** A candidate mobile anywhere in France: full credit within the radius they gave, this beyond. */
export const ANYWHERE_BEYOND_RADIUS_CREDIT = 0.5
/** Legacy constant: retrieval keeps pairs within this multiple of the reach (1: the reach is a limit). */
export const DISTANCE_ZERO_AT = 1

/** A candidate available more than this many days after the start date is excluded; in between, credit falls to 0. */
export const AVAILABILITY_GRACE_DAYS = 90

/** Credit when the profile does not say (no contract wished, no availability date). */
export const UNKNOWN_CREDIT = 0.5

/** Level credit when the offer asks one level above the candidate's (two or more above excludes the pair). */
export const ONE_LEVEL_ABOVE_CREDIT = 0.3

/** Credit of the English criterion by the candidate's CEFR level, when the offer asks for English. */
export const ENGLISH_CREDIT: Record<string, number> = { a1: 0, a2: 0.3, b1: 0.6, b2: 1, c1: 1, c2: 1, native: 1 }

/**
 * A "good" match for the organiser's coverage figure: most required skills
 * held and the place reachable, roughly; below it a pair is a long shot.
 */
export const GOOD_MATCH_SCORE = 60

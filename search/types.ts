import type { ContractType, ExperienceLevel, OfferSource, RemotePolicy, SalaryPeriod } from '#db/domain.ts'
import type { Match } from './matching/score.ts'

export const SORTS = ['relevance', 'date', 'distance', 'salary'] as const
export type OfferSort = (typeof SORTS)[number]

/** A validated offer search: what every engine receives. */
export type OfferQuery = {
  text: string
  contracts: ContractType[]
  remote: RemotePolicy[]
  territories: string[]
  /** Radius search around a commune (INSEE code). */
  near: { insee: string; radiusKm: number } | null
  experience: ExperienceLevel[]
  /** Skill slugs; an offer must list all of them. */
  skills: string[]
  /** Gross yearly amount the offer can reach at least. */
  salaryMin: number | null
  postedWithinDays: number | null
  companies: string[]
  /** ROME codes (offers.occupation); an offer must have one of them. */
  occupations: string[]
  sort: OfferSort
  page: number
  perPage: number
}

export const FACETS = [
  'contract',
  'remote',
  'territory',
  'experience',
  'skill',
  'company',
  'postedWithin',
  'salaryMin',
  'radius',
  'occupation',
] as const
export type FacetName = (typeof FACETS)[number]
export type FacetValue = { value: string; count: number }

export type OfferHit = {
  id: number
  slug: string
  title: string
  /** `unlisted`: an imported offer of no member company (decision 012): its employer has no page here. */
  company: { slug: string; name: string; unlisted?: true }
  commune: { insee: string; name: string }
  contractType: ContractType
  remotePolicy: RemotePolicy
  /** False when the source says nothing of remote work (remotePolicy is then on_site, « non précisé »). */
  remoteStated: boolean
  experienceLevel: ExperienceLevel
  salary: { min: number | null; max: number | null; period: SalaryPeriod } | null
  publishedAt: string
  skills: string[]
  distanceKm: number | null
  /** Where the offer comes from (decision 012), and its page there when imported. */
  source: OfferSource
  sourceUrl: string | null
}

export type OfferSearchResult = {
  total: number
  page: number
  pageCount: number
  hits: OfferHit[]
  /** Counts per filter value, each honouring every other active filter. */
  facets: Record<FacetName, FacetValue[]>
  /** Sort actually applied (distance needs a commune). */
  sort: OfferSort
  /** French sentences telling the user what was adjusted or ignored. */
  notices: string[]
  /** The query with its misspelt words corrected, when corrections found offers ("Vouliez-vous dire"). */
  correction?: string
}

/** The one interface behind which the embedded engine and Meilisearch sit. */
export interface SearchEngine {
  readonly name: 'embedded' | 'meilisearch'
  searchOffers(query: OfferQuery, now?: Date): Promise<OfferSearchResult>
  /** Loads what the first search would otherwise wait for. */
  warmUp(): Promise<void>
  /**
   * Consenting candidates for a published offer, best match first: a shortlist
   * from the profile index, re-ranked by the scorer (search/matching/score.ts).
   */
  candidatesForOffer(offerId: number, options: { limit: number; now?: Date }): Promise<CandidateMatch[]>
  /** Published offers for a candidate's profile, best match first, the same way. */
  offersForCandidate(userId: number, options: { limit: number; now?: Date }): Promise<OfferMatch[]>
}

export type CandidateMatch = Match & { userId: number }
export type OfferMatch = Match & { offerId: number }

/** Bucket thresholds of the cumulative facets. */
export const POSTED_WITHIN_DAYS = [1, 7, 30] as const
export const SALARY_THRESHOLDS = [25_000, 30_000, 35_000, 40_000, 50_000] as const
export const RADIUS_STEPS_KM = [10, 20, 50, 100] as const

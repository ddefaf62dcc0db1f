import type { ContractType, ExperienceLevel, OfferSource, RemotePolicy, SalaryPeriod } from '../domain.ts'

/** What every importer hands to importOffers (db/import/offers.ts): one offer, already mapped. */
export type ImportedOffer = {
  sourceId: string
  sourceUrl: string | null
  sourceCreatedAt: string
  sourceUpdatedAt: string | null
  title: string
  descriptionMd: string
  communeInsee: string
  contractType: ContractType
  /** The source's own code or wording, kept as it was (decision 012 maps it). */
  sourceContract: string | null
  remotePolicy: RemotePolicy
  /** False: the source does not say (shown « Télétravail non précisé »). */
  remoteStated: boolean
  experienceLevel: ExperienceLevel
  occupation: string | null
  salary: { minCents: number | null; maxCents: number | null; period: SalaryPeriod } | null
  salaryText: string | null
  /** For offers held by the source's placeholder company; null is « Entreprise non communiquée ». */
  employerName: string | null
  employerSector: string | null
  employerSize: string | null
  workingTime: string | null
  positions: number | null
  qualification: string | null
  education: Requirement[]
  languages: Requirement[]
  licences: Requirement[]
  startDate: string | null
  /** When the offer leaves search by itself. */
  expiresAt: string
  /** Skills of the taxonomy the text names (db/import/places.ts), by slug. */
  skills: { slug: string; required: boolean }[]
}

export type Requirement = { label: string; required: boolean }

export type Rejection = { sourceId: string; reason: string }

export type ImportReport = {
  source: OfferSource
  created: number
  updated: number
  unchanged: number
  closed: number
  rejected: Rejection[]
}

import type { Generated, Insertable, Selectable } from 'kysely'
import type {
  ApplicationStage,
  CompanySize,
  DegreeLevel,
  ExperienceKind,
  LanguageLevel,
  RemotePreference,
  ReportReason,
  UserRole,
  ContractType,
  ExperienceLevel,
  OfferSource,
  OfferStatus,
  RemotePolicy,
  SalaryPeriod,
} from './domain.ts'

/** Row types of every table, as kysely sees them. Dates are ISO-8601 UTC strings. */
export interface Database {
  regions: RegionTable
  territories: TerritoryTable
  communes: CommuneTable
  occupations: OccupationTable
  occupation_appellations: OccupationAppellationTable
  occupation_mobility: OccupationMobilityTable
  candidate_occupations: CandidateOccupationTable
  clusters: ClusterTable
  companies: CompanyTable
  skills: SkillTable
  skill_aliases: SkillAliasTable
  offers: OfferTable
  offer_skills: OfferSkillTable
  search_outbox: SearchOutboxTable
  search_relay: SearchRelayTable
  users: UserTable
  company_members: CompanyMemberTable
  sessions: SessionTable
  password_resets: PasswordResetTable
  rate_limit_events: RateLimitEventTable
  known_devices: KnownDeviceTable
  company_invitations: CompanyInvitationTable
  candidate_profiles: CandidateProfileTable
  candidate_skills: CandidateSkillTable
  candidate_languages: CandidateLanguageTable
  candidate_experiences: CandidateExperienceTable
  applications: ApplicationTable
  application_notes: ApplicationNoteTable
  offer_reports: OfferReportTable
  contact_requests: ContactRequestTable
  forums: ForumTable
  forum_companies: ForumCompanyTable
  forum_offers: ForumOfferTable
  forum_candidates: ForumCandidateTable
  forum_wishes: ForumWishTable
  forum_interviews: ForumInterviewTable
  forum_removed_pairs: ForumRemovedPairTable
  export_log: ExportLogTable
  saved_offers: SavedOfferTable
  forum_programme_mails: ForumProgrammeMailTable
  offer_feeds: OfferFeedTable
  alerts: AlertTable
  alert_deliveries: AlertDeliveryTable
  alert_sent_offers: AlertSentOfferTable
  notification_preferences: NotificationPreferenceTable
  forum_reminders: ForumReminderTable
}

export interface RegionTable {
  id: Generated<number>
  slug: string
  name: string
  /** 1 for the region the board serves (REGION); communes' territories are that region's. */
  active: Generated<number>
}

export interface TerritoryTable {
  id: Generated<number>
  region_id: number
  slug: string
  name: string
}

export interface CommuneTable {
  insee: string
  name: string
  department: string
  /** JSON array of postal codes. */
  postal_codes: string
  population: number | null
  territory_id: number | null
  latitude: number | null
  longitude: number | null
  /** SIREN of the commune's EPCI (intercommunalité), if any. */
  epci: string | null
}

export interface ClusterTable {
  id: Generated<number>
  region_id: number
  slug: string
  name: string
}

export interface CompanyTable {
  id: Generated<number>
  slug: string
  name: string
  siren: string | null
  naf_code: string
  size_band: CompanySize
  cluster_id: number | null
  description: string
  website: string | null
  commune_insee: string
  created_at: string
  /** Set by an admin; until then the company's offers wait for moderation. */
  verified_at: string | null
  /** Random name in the file store; served by /entreprises/:slug/logo. */
  logo_file: string | null
  logo_mime: string | null
  /** Set on the one placeholder company holding a source's offers without an employer page (decision 012). */
  placeholder_source: string | null
}

export interface SkillTable {
  id: Generated<number>
  slug: string
  name: string
  category: string
}

export interface SkillAliasTable {
  alias: string
  skill_id: number
}

export interface OfferTable {
  id: Generated<number>
  slug: string
  company_id: number
  title: string
  description_md: string
  commune_insee: string
  remote_policy: RemotePolicy
  contract_type: ContractType
  experience_level: ExperienceLevel
  salary_min: number | null
  salary_max: number | null
  salary_period: SalaryPeriod | null
  start_date: string | null
  published_at: string | null
  expires_at: string | null
  status: OfferStatus
  created_at: string
  updated_at: string
  /** Why an admin sent the offer back to draft. */
  moderation_note: string | null
  /** ROME code of the job (occupations.code), chosen by the recruiter or suggested from the title. */
  occupation: string | null
  /** Where the offer comes from (decision 012); only 'manual' offers are edited by recruiters. */
  source: Generated<OfferSource>
  /** The offer's id, page and dates at its source (ISO 8601). */
  source_id: string | null
  source_url: string | null
  source_created_at: string | null
  source_updated_at: string | null
  /** Hash of the imported fields: an unchanged offer is not rewritten. */
  source_hash: string | null
  /** The source's contract code before mapping (CDI, CDD, MIS, SAI, FRA, DIN, DDI, TTI, LIB…). */
  source_contract: string | null
  /** Employer named by the source, for offers held by a placeholder company; null: "Entreprise non communiquée". */
  employer_name: string | null
  employer_sector: string | null
  employer_size: string | null
  /** Exact amounts in cents; salary_min/max keep whole euros for filters. */
  salary_min_cents: number | null
  salary_max_cents: number | null
  /** The salary as the source words it, when it cannot be parsed (or as a complement). */
  salary_text: string | null
  /** 0: the source does not say whether remote work is possible (« non précisé »). */
  remote_stated: Generated<number>
  working_time: string | null
  positions: number | null
  qualification: string | null
  /** JSON arrays of {label, required}. */
  education_json: string | null
  languages_json: string | null
  licences_json: string | null
}

export interface OccupationTable {
  code: string
  label: string
}

export interface OccupationAppellationTable {
  /** ROME's code_ogr of the job title. */
  id: number
  occupation_code: string
  label: string
}

export interface OccupationMobilityTable {
  from_code: string
  to_code: string
}

export interface CandidateOccupationTable {
  user_id: number
  occupation_code: string
}

export interface OfferSkillTable {
  offer_id: number
  skill_id: number
  /** 1 = required, 0 = nice to have. */
  required: number
}

/** One row per change a search engine must apply, written in the same transaction as the change. */
export interface SearchOutboxTable {
  id: Generated<number>
  doc_type: 'offer' | 'profile'
  doc_id: number
  created_at: string
}

/** Where the outbox relay to an external engine stands, per kind of document (search/sync/). */
export interface SearchRelayTable {
  doc_type: 'offer' | 'profile'
  relayed_through_id: Generated<number>
  attempts: Generated<number>
  last_error: string | null
  last_error_at: string | null
  leased_by: string | null
  leased_until: string | null
  updated_at: string
}

export type Offer = Selectable<OfferTable>
export type NewOffer = Insertable<OfferTable>
export type Company = Selectable<CompanyTable>
export type NewCompany = Insertable<CompanyTable>
export type Commune = Selectable<CommuneTable>

export interface UserTable {
  id: Generated<number>
  email: string
  password_hash: string
  display_name: string
  role: UserRole
  created_at: string
  last_active_at: string
  /** When the inactivity purge warned this account; cleared by any activity. */
  inactivity_warned_at: string | null
}

export interface CompanyMemberTable {
  company_id: number
  user_id: number
  role: 'owner' | 'member'
  created_at: string
}

export interface SessionTable {
  token_hash: string
  user_id: number
  created_at: string
  expires_at: string
}

export interface PasswordResetTable {
  token_hash: string
  user_id: number
  created_at: string
  expires_at: string
  used_at: string | null
}

export interface RateLimitEventTable {
  key: string
  at: string
}

export interface KnownDeviceTable {
  token_hash: string
  user_id: number
  created_at: string
  last_used_at: string
}

export type User = Selectable<UserTable>

export interface CompanyInvitationTable {
  id: Generated<number>
  company_id: number
  email: string
  token_hash: string
  invited_by: number | null
  created_at: string
  expires_at: string
  accepted_at: string | null
  accepted_by: number | null
}

export interface CandidateProfileTable {
  user_id: number
  first_name: string
  last_name: string
  school: Generated<string>
  programme: Generated<string>
  degree_level: DegreeLevel | null
  graduation_year: number | null
  commune_insee: string | null
  mobility_km: Generated<number>
  remote_preference: Generated<RemotePreference>
  /** JSON array of ContractType. */
  contract_types: Generated<string>
  /** JSON array of URLs. */
  links: Generated<string>
  available_from: string | null
  bio: Generated<string>
  visibility: Generated<'private' | 'verified_recruiters'>
  consent_at: string | null
  /** Random name in the file store. */
  cv_file: string | null
  /** The name the candidate uploaded, for the download. */
  cv_name: string | null
  cv_size: number | null
  cv_uploaded_at: string | null
  updated_at: string
  /** 1: "mobile partout en France", the radius orders offers and excludes none. */
  mobile_anywhere: Generated<number>
  /** JSON array of ContractType the candidate will not take. */
  excluded_contract_types: Generated<string>
  diploma_speciality: Generated<string>
  /** Length of the internship looked for, in months. */
  internship_months: number | null
}

export interface CandidateExperienceTable {
  id: Generated<number>
  user_id: number
  kind: ExperienceKind
  title: string
  /** YYYY-MM. */
  start_month: string
  /** YYYY-MM, null while ongoing. */
  end_month: string | null
}

export interface CandidateSkillTable {
  user_id: number
  skill_id: number
  /** 1 = notions … 4 = expert. */
  level: number
}

export interface CandidateLanguageTable {
  user_id: number
  /** ISO 639-1 code. */
  language: string
  level: LanguageLevel
}

export interface ApplicationTable {
  id: Generated<number>
  offer_id: number
  /** Null once the candidate deleted their account. */
  candidate_id: number | null
  message: Generated<string>
  stage: ApplicationStage
  created_at: string
  stage_changed_at: string
  /** Set when the candidate withdrew it; the stage stays where it stood. */
  withdrawn_at: string | null
}

export interface ApplicationNoteTable {
  id: Generated<number>
  application_id: number
  author_id: number | null
  body: string
  created_at: string
}

export interface OfferReportTable {
  id: Generated<number>
  offer_id: number
  reporter_id: number | null
  reason: ReportReason
  message: Generated<string>
  created_at: string
  resolved_at: string | null
  resolved_by: number | null
}

export interface ContactRequestTable {
  id: Generated<number>
  company_id: number
  candidate_id: number
  offer_id: number | null
  requested_by: number | null
  message: Generated<string>
  status: Generated<'pending' | 'accepted' | 'declined'>
  created_at: string
  answered_at: string | null
}

export interface ForumTable {
  id: Generated<number>
  slug: string
  name: string
  organiser_id: number | null
  cluster_id: number | null
  /** Local date at the venue, YYYY-MM-DD. */
  date: string
  commune_insee: string
  venue: Generated<string>
  /** Local times, HH:MM. */
  opens_at: string
  closes_at: string
  slot_minutes: number
  tables_per_company: number
  max_interviews_per_candidate: number
  status: Generated<'draft' | 'open' | 'closed'>
  /** JSON of the last schedule run (wishes met, upper bound, score). */
  schedule_summary: string | null
  created_at: string
  updated_at: string
}

export interface ForumCompanyTable {
  forum_id: number
  company_id: number
  status: 'invited' | 'accepted' | 'declined'
  invited_at: string
  answered_at: string | null
}

export interface ForumOfferTable {
  forum_id: number
  company_id: number
  offer_id: number
}

export interface ForumCandidateTable {
  forum_id: number
  candidate_id: number
  source: 'self' | 'import'
  registered_at: string
  /** Null until the candidate agreed to be shown to the forum's companies. */
  consent_at: string | null
}

export interface ForumWishTable {
  forum_id: number
  company_id: number
  candidate_id: number
  by: 'company' | 'candidate'
  created_at: string
}

export interface ForumInterviewTable {
  id: Generated<number>
  forum_id: number
  company_id: number
  candidate_id: number
  offer_id: number | null
  table_no: number
  slot_no: number
  score: Generated<number>
  pinned: Generated<number>
  outcome: 'hired' | 'not_hired' | null
}

/** A pair the organiser took out of the schedule; never scheduled again. */
export interface ForumRemovedPairTable {
  forum_id: number
  company_id: number
  candidate_id: number
  removed_at: string
}

export interface ExportLogTable {
  id: Generated<number>
  forum_id: number | null
  user_id: number | null
  kind: string
  format: 'csv' | 'xlsx' | 'print' | 'pdf'
  created_at: string
}

/** An offer a candidate keeps for later ("Offres sauvegardées"). */
export interface SavedOfferTable {
  user_id: number
  offer_id: number
  created_at: string
}

/** The last programme the organiser e-mailed a forum participant, by the hash of its text. */
export interface ForumProgrammeMailTable {
  forum_id: number
  user_id: number
  programme_hash: string
  sent_at: string
}

/** A career page whose JobPosting JSON-LD a company imports, refreshed by the daily maintenance. */
export interface OfferFeedTable {
  id: Generated<number>
  company_id: number
  url: string
  created_at: string
  last_run_at: string | null
  /** The last run's report, in French (what was imported or why nothing was). */
  last_report: string | null
}
/** A saved search mailed daily or weekly (db/queries/alerts.ts). */
export interface AlertTable {
  id: Generated<number>
  user_id: number | null
  email: string
  /** The search page's query string (search/query-params.ts), without page nor sort. */
  search: string
  label: string
  frequency: 'daily' | 'weekly'
  status: 'pending' | 'active' | 'paused'
  token: string
  created_at: string
  confirmed_at: string | null
  since: string
  started_at: string
  next_run_at: string
  last_sent_at: string | null
  failures: Generated<number>
}

export interface AlertDeliveryTable {
  id: Generated<number>
  alert_id: number
  state: 'sending' | 'sent' | 'uncertain'
  offer_count: number
  created_at: string
  sent_at: string | null
}

export interface AlertSentOfferTable {
  alert_id: number
  offer_id: number
  delivery_id: number
}

export interface NotificationPreferenceTable {
  user_id: number
  new_applications: 'immediate' | 'daily' | 'off'
  application_updates: number
  forum_reminders: number
  digest_until: string | null
  updated_at: string
}

export interface ForumReminderTable {
  forum_id: number
  candidate_id: number
  sent_at: string
}

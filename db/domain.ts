/**
 * Closed vocabularies of the job-board domain. Identifiers are English,
 * values are stable codes stored in the database; French labels live in the UI.
 */
export const CONTRACT_TYPES = ['cdi', 'cdd', 'alternance', 'stage', 'freelance', 'interim'] as const
export type ContractType = (typeof CONTRACT_TYPES)[number]

export const REMOTE_POLICIES = ['on_site', 'hybrid', 'full_remote'] as const
export type RemotePolicy = (typeof REMOTE_POLICIES)[number]

export const EXPERIENCE_LEVELS = ['entry', 'junior', 'confirmed', 'senior'] as const
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number]

/**
 * The one definition of the experience levels in completed years, read by the
 * matching scorer and by every label: "Junior (1 à 2 ans)" means 1 or 2 full years.
 */
export const EXPERIENCE_BANDS: Record<ExperienceLevel, { minYears: number; maxYears: number | null }> = {
  entry: { minYears: 0, maxYears: 0 },
  junior: { minYears: 1, maxYears: 2 },
  confirmed: { minYears: 3, maxYears: 5 },
  senior: { minYears: 6, maxYears: null },
}

/** The level of someone with this many years of experience (fractions allowed: only full years count). */
export function experienceLevelOfYears(years: number): ExperienceLevel {
  const full = Math.floor(Math.max(0, years))
  return EXPERIENCE_LEVELS.find((level) => {
    const band = EXPERIENCE_BANDS[level]
    return full >= band.minYears && (band.maxYears === null || full <= band.maxYears)
  })!
}

/** Dated entries of a profile's experience: each counts as experience, work-study and internships included. */
export const EXPERIENCE_KINDS = ['internship', 'apprenticeship', 'job'] as const
export type ExperienceKind = (typeof EXPERIENCE_KINDS)[number]

export const SALARY_PERIODS = ['year', 'month', 'day', 'hour'] as const
export type SalaryPeriod = (typeof SALARY_PERIODS)[number]

export const OFFER_STATUSES = ['draft', 'pending', 'published', 'closed', 'expired'] as const
export type OfferStatus = (typeof OFFER_STATUSES)[number]

/** Where an offer comes from (decision 012): typed here, or imported. */
export const OFFER_SOURCES = ['manual', 'france-travail', 'jsonld'] as const
export type OfferSource = (typeof OFFER_SOURCES)[number]

export const COMPANY_SIZES = ['1-9', '10-49', '50-249', '250+'] as const
export type CompanySize = (typeof COMPANY_SIZES)[number]

/** Gross yearly equivalent, so offers paid by the month, day or hour compare. */
const PERIODS_PER_YEAR: Record<SalaryPeriod, number> = { year: 1, month: 12, day: 218, hour: 1607 }
export function annualSalary(amount: number | null, period: SalaryPeriod | null): number | null {
  if (amount == null || period == null) return null
  return Math.round(amount * PERIODS_PER_YEAR[period])
}

export const USER_ROLES = ['candidate', 'recruiter', 'organiser', 'admin'] as const
export type UserRole = (typeof USER_ROLES)[number]
/** Roles anyone may choose when signing up; organisers and admins are appointed. */
export const SELF_SERVICE_ROLES = ['candidate', 'recruiter'] as const

/** The applicants pipeline, in the order a recruiter moves through it. */
export const APPLICATION_STAGES = ['new', 'reviewed', 'interview', 'offer', 'hired', 'rejected'] as const
export type ApplicationStage = (typeof APPLICATION_STAGES)[number]

export const DEGREE_LEVELS = ['bac', 'bac2', 'bac3', 'bac5', 'bac8'] as const
export type DegreeLevel = (typeof DEGREE_LEVELS)[number]

/** What a candidate accepts; 'any' = no preference. */
export const REMOTE_PREFERENCES = ['on_site', 'hybrid', 'full_remote', 'any'] as const
export type RemotePreference = (typeof REMOTE_PREFERENCES)[number]

/** 1 = notions, 2 = intermediate, 3 = advanced, 4 = expert. */
export const SKILL_LEVELS = [1, 2, 3, 4] as const

/** CEFR levels, plus mother tongue. */
export const LANGUAGE_LEVELS = ['a1', 'a2', 'b1', 'b2', 'c1', 'c2', 'native'] as const
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number]

export const REPORT_REASONS = ['fraud', 'discrimination', 'outdated', 'inaccurate', 'other'] as const
export type ReportReason = (typeof REPORT_REASONS)[number]

/** How often an alert mails its new offers. */
export const ALERT_FREQUENCIES = ['daily', 'weekly'] as const
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number]

/** When a recruiter hears of a new application. */
export const APPLICATION_MAIL_MODES = ['immediate', 'daily', 'off'] as const
export type ApplicationMailMode = (typeof APPLICATION_MAIL_MODES)[number]

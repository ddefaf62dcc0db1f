import type { JobPosting, WithContext } from 'schema-dts'
import { DEGREE_LEVELS, type ContractType, type DegreeLevel, type ExperienceLevel, type RemotePolicy, type SalaryPeriod } from '#db/domain.ts'
import { OFFER_LIFETIME_DAYS } from '#db/seed/offer-dates.ts'

/**
 * schema.org JobPosting as Google for Jobs reads it: its required properties
 * (title, description, datePosted, hiringOrganization, jobLocation) and the
 * recommended ones the offer can honestly fill (Google's "Job posting
 * structured data" page). app/utils/job-posting.test.ts checks every demo
 * offer against a zod schema written from those lists.
 */
const EMPLOYMENT_TYPE: Record<ContractType, string | string[]> = {
  cdi: 'FULL_TIME',
  cdd: 'TEMPORARY',
  alternance: ['FULL_TIME', 'TEMPORARY'],
  stage: 'INTERN',
  freelance: 'CONTRACTOR',
  interim: 'TEMPORARY',
}
const UNIT: Record<SalaryPeriod, string> = { year: 'YEAR', month: 'MONTH', day: 'DAY', hour: 'HOUR' }
/** The offer's experience level, in the months Google asks for (the labels: 1–2 years, 3–5, more than 5). */
const MONTHS_OF_EXPERIENCE: Record<ExperienceLevel, number | null> = { entry: null, junior: 12, confirmed: 36, senior: 60 }
/** Google's credential categories for the French degree levels. */
const CREDENTIAL: Record<DegreeLevel, string> = {
  bac: 'high school',
  bac2: 'associate degree',
  bac3: 'bachelor degree',
  bac5: 'postgraduate degree',
  bac8: 'postgraduate degree',
}
const DAY_MS = 24 * 60 * 60 * 1000

export type JobPostingInput = {
  /** The offer's id on Passerelle (identifier, unless the offer comes from elsewhere). */
  id: number
  /** An imported offer's source and its id there: the identifier its publisher gave it (decision 012). */
  sourceId?: { name: string; value: string } | null
  title: string
  descriptionHtml: string
  publishedAt: string
  expiresAt: string | null
  contractType: ContractType
  remotePolicy: RemotePolicy
  experienceLevel: ExperienceLevel
  /** The degree the offer asks for; offers written on Passerelle have no such field yet (null). */
  education?: DegreeLevel | null
  salary: { min: number | null; max: number | null; period: SalaryPeriod } | null
  company: { name: string; url: string; website: string | null; logoUrl: string | null }
  commune: { name: string; postalCode: string | null; latitude: number | null; longitude: number | null }
  skills: string[]
  url: string
  /** True when candidates apply on Passerelle itself (an imported offer sends them elsewhere). */
  directApply: boolean
  /** ROME code and label of the job, when known. */
  occupation?: { code: string; label: string } | null
}

/** The JobPosting of an offer; null once it has expired (a posting past validThrough must lose its markup). */
export function jobPosting(input: JobPostingInput, now = new Date()): WithContext<JobPosting> | null {
  const { salary, commune } = input
  const validThrough = input.expiresAt ?? new Date(Date.parse(input.publishedAt) + OFFER_LIFETIME_DAYS * DAY_MS).toISOString()
  if (Date.parse(validThrough) <= now.getTime()) return null
  const months = MONTHS_OF_EXPERIENCE[input.experienceLevel]
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: input.title,
    description: input.descriptionHtml,
    identifier: input.sourceId
      ? { '@type': 'PropertyValue', name: input.sourceId.name, value: input.sourceId.value }
      : { '@type': 'PropertyValue', name: 'Passerelle', value: String(input.id) },
    datePosted: input.publishedAt,
    validThrough,
    employmentType: EMPLOYMENT_TYPE[input.contractType],
    directApply: input.directApply,
    ...(input.occupation ? { occupationalCategory: `${input.occupation.code} ${input.occupation.label}` } : {}),
    url: input.url,
    hiringOrganization: {
      '@type': 'Organization',
      name: input.company.name,
      url: input.company.url,
      ...(input.company.website ? { sameAs: input.company.website } : {}),
      ...(input.company.logoUrl ? { logo: input.company.logoUrl } : {}),
    },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressLocality: commune.name,
        ...(commune.postalCode ? { postalCode: commune.postalCode } : {}),
        addressCountry: 'FR',
      },
      ...(commune.latitude != null && commune.longitude != null
        ? { geo: { '@type': 'GeoCoordinates', latitude: commune.latitude, longitude: commune.longitude } }
        : {}),
    },
    ...(input.remotePolicy === 'full_remote'
      ? { jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'Country', name: 'France' } }
      : {}),
    experienceRequirements: months === null ? 'no requirements' : { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: months },
    ...(input.education ? { educationRequirements: { '@type': 'EducationalOccupationalCredential', credentialCategory: CREDENTIAL[input.education] } } : {}),
    ...(salary && (salary.min != null || salary.max != null)
      ? {
          baseSalary: {
            '@type': 'MonetaryAmount',
            currency: 'EUR',
            value: {
              '@type': 'QuantitativeValue',
              ...(salary.min != null ? { minValue: salary.min } : {}),
              ...(salary.max != null ? { maxValue: salary.max } : {}),
              unitText: UNIT[salary.period],
            },
          },
        }
      : {}),
    ...(input.skills.length ? { skills: input.skills.join(', ') } : {}),
  }
}

const BAC_PLUS: Record<string, DegreeLevel> = { '1': 'bac', '2': 'bac2', '3': 'bac3', '4': 'bac3', '5': 'bac5', '6': 'bac5', '7': 'bac5', '8': 'bac8' }

/**
 * The degree an imported offer's education lines name (France Travail's
 * « Bac+2 ou équivalents — Informatique », « Bac+5 et plus ou équivalents »,
 * « Bac ou équivalent »): the least of them, as any one is enough. Null when
 * no line names a baccalauréat level (« CAP, BEP », a field alone): no degree
 * is invented from it.
 */
export function degreeOfEducation(lines: readonly { label: string }[]): DegreeLevel | null {
  const levels = lines.flatMap(({ label }) => {
    const plus = /\bbac\s*\+\s*(\d)/i.exec(label)
    if (plus) return BAC_PLUS[plus[1]!] ?? []
    return /\bbac(calaur[ée]at)?\b/i.test(label) ? ['bac' as const] : []
  })
  if (levels.length === 0) return null
  return levels.reduce((a, b) => (DEGREE_LEVELS.indexOf(a) <= DEGREE_LEVELS.indexOf(b) ? a : b))
}

/** JSON safe inside a <script> element: no "</script>" or "<!--" can close it. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

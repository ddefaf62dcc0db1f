import type { ContractType, RemotePolicy, SalaryPeriod } from '#db/domain.ts'

const EMPLOYMENT_TYPE: Record<ContractType, string | string[]> = {
  cdi: 'FULL_TIME',
  cdd: 'TEMPORARY',
  alternance: ['FULL_TIME', 'TEMPORARY'],
  stage: 'INTERN',
  freelance: 'CONTRACTOR',
  interim: 'TEMPORARY',
}
const UNIT: Record<SalaryPeriod, string> = { year: 'YEAR', month: 'MONTH', day: 'DAY', hour: 'HOUR' }

export type JobPostingInput = {
  title: string
  descriptionHtml: string
  publishedAt: string
  expiresAt: string | null
  contractType: ContractType
  remotePolicy: RemotePolicy
  salary: { min: number | null; max: number | null; period: SalaryPeriod } | null
  company: { name: string; url: string; website: string | null }
  commune: { name: string; postalCode: string | null; latitude: number | null; longitude: number | null }
  skills: string[]
  url: string
  /** ROME code and label of the job, when known. */
  occupation?: { code: string; label: string } | null
}

/** schema.org JobPosting, as search engines read it. */
export function jobPosting(input: JobPostingInput) {
  const { salary, commune } = input
  return {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: input.title,
    description: input.descriptionHtml,
    datePosted: input.publishedAt,
    ...(input.expiresAt ? { validThrough: input.expiresAt } : {}),
    employmentType: EMPLOYMENT_TYPE[input.contractType],
    ...(input.occupation ? { occupationalCategory: `${input.occupation.code} ${input.occupation.label}` } : {}),
    url: input.url,
    hiringOrganization: {
      '@type': 'Organization',
      name: input.company.name,
      url: input.company.url,
      ...(input.company.website ? { sameAs: input.company.website } : {}),
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
      ? { jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'Country', name: 'FR' } }
      : {}),
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

/** JSON safe inside a <script> element: no "</script>" or "<!--" can close it. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

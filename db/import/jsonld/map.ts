import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { ContractType, ExperienceLevel, SalaryPeriod } from '../../domain.ts'
import { suggestOccupation } from '#search/occupations.ts'
import type { Referential } from '../places.ts'
import type { ImportedOffer } from '../types.ts'
import { htmlToText } from './extract.ts'

/** What a schema.org JobPosting must hold for Passerelle (Google's required properties, and a few recommended). */
const text = z.string().trim()
const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)]).transform((v) => (Array.isArray(v) ? v : [v]))
const Place = z.object({
  address: z
    .union([
      text,
      z.object({ addressLocality: text.optional(), postalCode: z.union([text, z.number()]).optional(), addressCountry: z.unknown().optional() }),
    ])
    .optional(),
})
const Amount = z.union([z.number(), text.regex(/^\d+(?:[.,]\d+)?$/).transform((v) => Number(v.replace(',', '.')))])
export const JobPostingSchema = z.object({
  title: text.min(1, { message: 'titre manquant' }).max(300, { message: 'titre de plus de 300 caractères' }),
  description: text.min(1, { message: 'description manquante' }),
  datePosted: text.refine((v) => !Number.isNaN(Date.parse(v)), { message: 'datePosted n’est pas une date' }),
  validThrough: text.refine((v) => !Number.isNaN(Date.parse(v)), { message: 'validThrough n’est pas une date' }).optional(),
  employmentType: oneOrMany(text).optional(),
  identifier: z.union([text, z.number(), z.object({ value: z.union([text, z.number()]) })]).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  jobLocation: oneOrMany(Place).optional(),
  jobLocationType: text.optional(),
  baseSalary: z
    .object({
      currency: text.optional(),
      value: z.union([Amount, z.object({ value: Amount.optional(), minValue: Amount.optional(), maxValue: Amount.optional(), unitText: text.optional() })]),
    })
    .optional(),
  experienceRequirements: z.union([text, z.object({ monthsOfExperience: z.number().optional() })]).optional(),
})
type JobPosting = z.infer<typeof JobPostingSchema>

/**
 * schema.org's employmentType says full or part time, not permanence: French words come
 * first (many boards write « CDI »), then INTERN → stage, CONTRACTOR → freelance,
 * TEMPORARY → cdd, FULL_TIME / PART_TIME → cdi (decision 012).
 */
export function contractOfEmployment(types: string[]): ContractType | null {
  const words = types.join(' ').toLowerCase()
  if (/alternance|apprentissage|professionnalisation/.test(words)) return 'alternance'
  if (/\bstage\b|intern/.test(words)) return 'stage'
  if (/\bcdd\b/.test(words)) return 'cdd'
  if (/int[ée]rim/.test(words)) return 'interim'
  if (/\bcdi\b/.test(words)) return 'cdi'
  if (/freelance|contractor|ind[ée]pendant/.test(words)) return 'freelance'
  if (/temporary/.test(words)) return 'cdd'
  if (/full_time|part_time|full-time|part-time/.test(words)) return 'cdi'
  return null
}

const UNITS: Record<string, SalaryPeriod> = { YEAR: 'year', MONTH: 'month', DAY: 'day', HOUR: 'hour' }

function salaryOf(posting: JobPosting): { salary: ImportedOffer['salary']; text: string | null } {
  const base = posting.baseSalary
  if (!base) return { salary: null, text: null }
  const value = typeof base.value === 'number' ? { value: base.value } : base.value
  const unit = 'unitText' in value ? value.unitText?.toUpperCase() : 'YEAR'
  const min = value.minValue ?? value.value ?? null
  const max = value.maxValue ?? null
  const period = unit ? UNITS[unit] : undefined
  const currency = (base.currency ?? 'EUR').toUpperCase()
  if (!period || currency !== 'EUR' || min == null || (max != null && max < min)) {
    return { salary: null, text: [min, max].filter((v) => v != null).join(' – ') + ` ${currency}${unit ? ` / ${unit}` : ''}` }
  }
  return { salary: { minCents: Math.round(min * 100), maxCents: max == null ? null : Math.round(max * 100), period }, text: null }
}

function experienceOf(requirement: JobPosting['experienceRequirements']): ExperienceLevel {
  const months = typeof requirement === 'object' ? requirement.monthsOfExperience : undefined
  if (months == null) return 'junior'
  if (months < 12) return 'entry'
  if (months < 36) return 'junior'
  if (months < 60) return 'confirmed'
  return 'senior'
}

const DAY_MS = 86_400_000

/** A validated JobPosting as the company's offer, or the French reason it cannot be. */
export function mapJobPosting(
  posting: JobPosting,
  context: { referential: Referential; companyCommune: string; pageUrl: string | null; now: Date },
): ImportedOffer | { reason: string } {
  const types = posting.employmentType ?? []
  const contractType = contractOfEmployment(types)
  if (!contractType) return { reason: `type de contrat inconnu : ${types.join(', ') || 'employmentType absent'}` }
  const remote = posting.jobLocationType?.toUpperCase() === 'TELECOMMUTE'
  const address = posting.jobLocation?.map((p) => p.address).find((a) => a && typeof a === 'object') as { postalCode?: string | number } | undefined
  const postalCode = address?.postalCode != null ? String(address.postalCode).padStart(5, '0') : null
  const commune = context.referential.commune(null, postalCode) ?? (remote || !posting.jobLocation ? context.companyCommune : null)
  if (!commune) return { reason: `lieu introuvable : code postal ${postalCode ?? 'absent'}` }
  const posted = new Date(posting.datePosted)
  const expiresAt = posting.validThrough ? new Date(posting.validThrough) : new Date(posted.getTime() + 60 * DAY_MS)
  if (expiresAt <= context.now) return { reason: 'offre expirée (validThrough dépassé)' }
  const identifier = typeof posting.identifier === 'object' ? posting.identifier.value : posting.identifier
  const title = htmlToText(posting.title)
  const { salary, text: salaryText } = salaryOf(posting)
  const description = htmlToText(posting.description)
  return {
    sourceId: String(identifier ?? posting.url ?? createHash('sha256').update(`${title}|${posting.datePosted}`).digest('hex').slice(0, 20)),
    sourceUrl: posting.url ?? context.pageUrl,
    sourceCreatedAt: posted.toISOString(),
    sourceUpdatedAt: null,
    title,
    descriptionMd: description,
    communeInsee: commune,
    contractType,
    sourceContract: types.join(', ') || null,
    remotePolicy: remote ? 'full_remote' : 'on_site',
    remoteStated: remote,
    experienceLevel: experienceOf(posting.experienceRequirements),
    occupation: suggestOccupation(title),
    salary,
    salaryText,
    employerName: null,
    employerSector: null,
    employerSize: null,
    workingTime: types.some((t) => /part/i.test(t)) ? 'Temps partiel' : types.some((t) => /full/i.test(t)) ? 'Temps plein' : null,
    positions: null,
    qualification: null,
    education: [],
    languages: [],
    licences: [],
    startDate: null,
    expiresAt: expiresAt.toISOString(),
    skills: context.referential.skillsIn(title, description),
  }
}

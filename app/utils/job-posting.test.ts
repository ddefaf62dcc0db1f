import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { loader as offerLoader } from '#app/routes/offer.tsx'
import { franceTravailFixture } from '#db/import/fixtures/france-travail-generator.ts'
import { importFranceTravail } from '#db/import/france-travail/index.ts'
import { countPublicOffers } from '#db/queries/public-offers.ts'
import { createTestOffer } from '#db/seed/index.ts'
import { demoBoard, PUBLIC_URL } from '../public-api/test-support.ts'
import { degreeOfEducation, jobPosting, type JobPostingInput } from './job-posting.ts'

/**
 * Google's JobPosting documentation (developers.google.com/search/docs/appearance/structured-data/job-posting),
 * as a schema. Required: datePosted, description, hiringOrganization, jobLocation, title. Recommended:
 * applicantLocationRequirements, baseSalary, directApply, educationRequirements, employmentType,
 * experienceRequirements, experienceInPlaceOfEducation, identifier, jobLocationType, validThrough.
 * Those an offer on Passerelle always knows are required here too; a fully remote job must say where
 * applicants may live.
 */
const isoDateTime = z.iso.datetime({ offset: true })
const EMPLOYMENT_TYPES = ['FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'TEMPORARY', 'INTERN', 'VOLUNTEER', 'PER_DIEM', 'OTHER'] as const
const absoluteUrl = z.url({ protocol: /^https?$/ })
const GoogleJobPosting = z
  .object({
    '@context': z.literal('https://schema.org'),
    '@type': z.literal('JobPosting'),
    // Required.
    title: z.string().min(1).max(200),
    description: z.string().min(20).regex(/<\w+/, 'HTML, as Google asks'),
    datePosted: isoDateTime,
    hiringOrganization: z.object({
      '@type': z.literal('Organization'),
      name: z.string().min(1),
      url: absoluteUrl.optional(),
      sameAs: absoluteUrl.optional(),
      logo: absoluteUrl.optional(),
    }).strict(),
    jobLocation: z.object({
      '@type': z.literal('Place'),
      address: z.object({
        '@type': z.literal('PostalAddress'),
        addressLocality: z.string().min(1),
        postalCode: z.string().regex(/^\d{5}$/).optional(),
        addressRegion: z.string().optional(),
        streetAddress: z.string().optional(),
        addressCountry: z.string().length(2),
      }).strict(),
      geo: z.object({ '@type': z.literal('GeoCoordinates'), latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).strict().optional(),
    }).strict(),
    // Recommended, always known on Passerelle.
    validThrough: isoDateTime,
    employmentType: z.union([z.enum(EMPLOYMENT_TYPES), z.array(z.enum(EMPLOYMENT_TYPES)).min(1)]),
    identifier: z.object({ '@type': z.literal('PropertyValue'), name: z.string().min(1), value: z.string().min(1) }).strict(),
    directApply: z.boolean(),
    experienceRequirements: z.union([
      z.literal('no requirements'),
      z.object({ '@type': z.literal('OccupationalExperienceRequirements'), monthsOfExperience: z.number().int().positive() }).strict(),
    ]),
    // Recommended, when known.
    educationRequirements: z.union([
      z.literal('no requirements'),
      z.object({
        '@type': z.literal('EducationalOccupationalCredential'),
        credentialCategory: z.enum(['high school', 'associate degree', 'bachelor degree', 'professional certificate', 'postgraduate degree']),
      }).strict(),
    ]).optional(),
    experienceInPlaceOfEducation: z.boolean().optional(),
    baseSalary: z.object({
      '@type': z.literal('MonetaryAmount'),
      currency: z.literal('EUR'),
      value: z.object({
        '@type': z.literal('QuantitativeValue'),
        value: z.number().positive().optional(),
        minValue: z.number().positive().optional(),
        maxValue: z.number().positive().optional(),
        unitText: z.enum(['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR']),
      }).strict().refine((v) => v.value !== undefined || v.minValue !== undefined || v.maxValue !== undefined, 'a salary amount'),
    }).strict().optional(),
    jobLocationType: z.literal('TELECOMMUTE').optional(),
    applicantLocationRequirements: z.object({ '@type': z.enum(['Country', 'State', 'AdministrativeArea']), name: z.string().min(2) }).strict().optional(),
    // Other schema.org properties the page adds.
    url: absoluteUrl,
    occupationalCategory: z.string().optional(),
    skills: z.string().optional(),
  })
  .strict()
  .refine((p) => Date.parse(p.validThrough) > Date.parse(p.datePosted), 'validThrough after datePosted')
  .refine((p) => (p.jobLocationType === 'TELECOMMUTE') === (p.applicantLocationRequirements !== undefined), 'a remote job says where applicants may live')

let board: Awaited<ReturnType<typeof demoBoard>>
beforeAll(async () => {
  board = await demoBoard()
}, 60_000)
afterAll(() => board.test.destroy())

async function postingOf(slug: string) {
  const data = await offerLoader({ request: new Request(`${PUBLIC_URL}/offres/${slug}`), params: { slug }, context: board.context() } as never)
  return data.structuredData === null ? null : JSON.parse(data.structuredData)
}

describe('JobPosting JSON-LD', () => {
  it('of every demo offer passes Google’s required and recommended lists', async () => {
    const now = new Date().toISOString()
    const offers = await board.test.db.selectFrom('offers').select(['slug', 'remote_policy', 'salary_period', 'experience_level'])
      .where('status', '=', 'published').where('published_at', '<=', now).where('expires_at', '>', now).execute()
    expect(offers.length).toBe(await countPublicOffers(board.test.db, new Date()))
    expect(offers.length).toBeGreaterThan(200)
    const remote = new Set<string>()
    for (const offer of offers) {
      const posting = await postingOf(offer.slug)
      const parsed = GoogleJobPosting.safeParse(posting)
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), offer.slug).toEqual([])
      expect(posting.directApply).toBe(true)
      expect(posting.url).toBe(`${PUBLIC_URL}/offres/${offer.slug}`)
      if (offer.remote_policy === 'full_remote') remote.add(offer.slug)
      expect(posting.applicantLocationRequirements !== undefined, offer.slug).toBe(offer.remote_policy === 'full_remote')
      expect(posting.baseSalary !== undefined, offer.slug).toBe(offer.salary_period !== null)
      expect(posting.experienceRequirements === 'no requirements', offer.slug).toBe(offer.experience_level === 'entry')
    }
    expect(remote.size).toBeGreaterThan(0)
  })

  it('names the company’s site and logo when it has them', async () => {
    const company = await board.test.db.selectFrom('companies').select(['id', 'slug']).where('website', 'is not', null).orderBy('id').executeTakeFirstOrThrow()
    await board.test.db.updateTable('companies').set({ logo_mime: 'image/png', logo_file: 'test.png' }).where('id', '=', company.id).execute()
    const offer = await createTestOffer(board.test.db, { companyId: company.id })
    const posting = await postingOf(offer.slug)
    expect(GoogleJobPosting.safeParse(posting).success).toBe(true)
    expect(posting.hiringOrganization.logo).toBe(`${PUBLIC_URL}/entreprises/${company.slug}/logo`)
    expect(posting.hiringOrganization.sameAs).toMatch(/^https?:\/\//)
  })

  it('of an imported France Travail offer says it is applied for at the source, with the source’s id and degree', async () => {
    // The generator's offers dated around today, imported as the importer would (decision 012).
    const now = new Date()
    const report = await importFranceTravail(board.test.db, franceTravailFixture(80, 1, now), { now, complete: false })
    expect(report.created).toBeGreaterThan(40)
    const imported = await board.test.db.selectFrom('offers').select(['slug', 'source_id', 'education_json', 'employer_name'])
      .where('source', '=', 'france-travail').where('status', '=', 'published').execute()
    let withDegree = 0
    for (const offer of imported) {
      const posting = await postingOf(offer.slug)
      const parsed = GoogleJobPosting.safeParse(posting)
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), offer.slug).toEqual([])
      expect(posting.directApply, offer.slug).toBe(false)
      expect(posting.identifier).toEqual({ '@type': 'PropertyValue', name: 'France Travail', value: offer.source_id })
      expect(posting.hiringOrganization.name).toBe(offer.employer_name ?? 'Entreprise non communiquée')
      const lines = JSON.parse(offer.education_json ?? '[]') as { label: string }[]
      if (lines.some((l) => /bac\s*\+\s*2/i.test(l.label))) {
        withDegree += 1
        expect(posting.educationRequirements, offer.slug).toEqual({ '@type': 'EducationalOccupationalCredential', credentialCategory: 'associate degree' })
      } else {
        expect(posting.educationRequirements, offer.slug).toBeUndefined()
      }
    }
    expect(withDegree).toBeGreaterThan(0)
  })

  it('reads the degree from a source’s education lines, never inventing one', () => {
    expect(degreeOfEducation([{ label: 'Bac+5 et plus ou équivalents — Informatique' }, { label: 'Bac+2 ou équivalents' }])).toBe('bac2')
    expect(degreeOfEducation([{ label: 'Bac+3, Bac+4 ou équivalents' }])).toBe('bac3')
    expect(degreeOfEducation([{ label: 'Bac ou équivalent' }])).toBe('bac')
    expect(degreeOfEducation([{ label: 'CAP, BEP et équivalents' }, { label: 'Informatique' }])).toBeNull()
    expect(degreeOfEducation([])).toBeNull()
  })

  it('is dropped once the offer has expired, and always says until when it is valid', () => {
    const input = {
      id: 1, title: 'Développeur·se', descriptionHtml: '<p>Un poste.</p>', publishedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-03-01T00:00:00.000Z',
      contractType: 'cdi' as const, remotePolicy: 'on_site' as const, experienceLevel: 'junior' as const, salary: null, directApply: true, skills: [] as string[], url: `${PUBLIC_URL}/offres/x`,
      company: { name: 'Entreprise', url: `${PUBLIC_URL}/entreprises/e`, website: null, logoUrl: null },
      commune: { name: 'Calais', postalCode: '62100', latitude: null, longitude: null },
    } satisfies JobPostingInput
    expect(jobPosting(input, new Date('2026-02-01T00:00:00Z'))).not.toBeNull()
    expect(jobPosting(input, new Date('2026-03-01T00:00:00Z'))).toBeNull()
    // Without an expiry date, the offer's 60-day life.
    expect(jobPosting({ ...input, expiresAt: null }, new Date('2026-02-01T00:00:00Z'))!.validThrough).toBe('2026-03-02T00:00:00.000Z')
    expect(jobPosting({ ...input, education: 'bac3' }, new Date('2026-02-01T00:00:00Z'))!.educationRequirements)
      .toEqual({ '@type': 'EducationalOccupationalCredential', credentialCategory: 'bachelor degree' })
  })
})

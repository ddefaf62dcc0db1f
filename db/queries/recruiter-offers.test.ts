import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { offerQuery } from '#search/query-params.ts'
import { createTestCompany } from '../seed/index.ts'
import { createTestDatabase } from '../test-database.ts'
import { createUser } from './accounts.ts'
import {
  changeOfferStatus,
  duplicateOffer,
  findOfferForEdit,
  listCompanyOffers,
  saveOffer,
  type OfferInput,
} from './recruiter-offers.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let engine: EmbeddedSearchEngine
const NOW = new Date('2026-11-20T10:00:00Z')
const users = { verified: 0, unverified: 0, outsider: 0 }

const input = (title: string): OfferInput => ({
  title,
  descriptionMd: 'Vous rejoindrez une équipe de six personnes pour développer nos applications portuaires.',
  communeInsee: '62193',
  contractType: 'cdi',
  remotePolicy: 'hybrid',
  experienceLevel: 'junior',
  salaryMin: 32000,
  salaryMax: 38000,
  salaryPeriod: 'year',
  startDate: null,
  requiredSkills: ['typescript'],
  niceToHaveSkills: ['docker'],
})
const searchTitles = async (text: string) =>
  (await engine.searchOffers(offerQuery({ text, sort: 'relevance' }), new Date(NOW.getTime() + 1000))).hits.map((h) => h.title)

beforeAll(async () => {
  test = await createTestDatabase()
  engine = new EmbeddedSearchEngine(test.sqlite)
  const verified = await createTestCompany(test.db, { name: 'Calais Verifiée', slug: 'calais-verifiee' })
  await test.db.updateTable('companies').set({ verified_at: NOW.toISOString() }).where('id', '=', verified.id).execute()
  const unverified = await createTestCompany(test.db, { name: 'Nouvelle Pousse', slug: 'nouvelle-pousse' })
  for (const [key, companyId] of [['verified', verified.id], ['unverified', unverified.id], ['outsider', null]] as const) {
    const user = await createUser(test.db, { email: `${key}@exemple.fr`, passwordHash: 'x', displayName: key, role: 'recruiter' }, NOW)
    if (user === 'email-taken') throw new Error('taken')
    users[key] = user.id
    if (companyId) {
      await test.db.insertInto('company_members').values({ company_id: companyId, user_id: user.id, role: 'owner', created_at: NOW.toISOString() }).execute()
    }
  }
})
afterAll(async () => {
  await test.destroy()
})

describe('recruiter offers', () => {
  it('publishes at once for a verified company, and the offer is searchable; closing takes it out', async () => {
    const saved = await saveOffer(test.db, users.verified, { companySlug: 'calais-verifiee' }, input('Développeur TypeScript portuaire'), NOW)
    expect(saved).not.toBeNull()
    expect(await searchTitles('portuaire')).toEqual([]) // a draft is not online
    expect(await changeOfferStatus(test.db, users.verified, saved!.id, 'publish', NOW)).toEqual({ status: 'published' })
    expect(await searchTitles('portuaire')).toEqual(['Développeur TypeScript portuaire'])
    const offer = await findOfferForEdit(test.db, users.verified, saved!.id)
    expect(Date.parse(offer!.expires_at!) - NOW.getTime()).toBe(60 * 86_400_000)
    await changeOfferStatus(test.db, users.verified, saved!.id, 'close', NOW)
    expect(await searchTitles('portuaire')).toEqual([])
  })

  it('keeps the offers of an unverified company for moderation', async () => {
    const saved = await saveOffer(test.db, users.unverified, { companySlug: 'nouvelle-pousse' }, input('Stagiaire éolien offshore'), NOW)
    expect(await changeOfferStatus(test.db, users.unverified, saved!.id, 'publish', NOW)).toEqual({ status: 'pending' })
    expect(await searchTitles('offshore')).toEqual([])
  })

  it('never lets a recruiter reach another company’s offers, whatever id or slug they send', async () => {
    const theirs = await saveOffer(test.db, users.verified, { companySlug: 'calais-verifiee' }, input('Chef de projet digue'), NOW)
    const id = theirs!.id
    for (const userId of [users.unverified, users.outsider]) {
      expect(await findOfferForEdit(test.db, userId, id)).toBeUndefined()
      expect(await listCompanyOffers(test.db, userId, 'calais-verifiee')).toEqual([])
      expect(await saveOffer(test.db, userId, { companySlug: 'calais-verifiee' }, input('Intrus'), NOW)).toBeNull()
      expect(await saveOffer(test.db, userId, { offerId: id }, input('Titre détourné'), NOW)).toBeNull()
      expect(await changeOfferStatus(test.db, userId, id, 'publish', NOW)).toBeNull()
      expect(await duplicateOffer(test.db, userId, id, NOW)).toBeNull()
    }
    const after = await findOfferForEdit(test.db, users.verified, id)
    expect(after).toMatchObject({ title: 'Chef de projet digue', status: 'draft' })
    const titles = (await test.db.selectFrom('offers').select('title').execute()).map((o) => o.title)
    expect(titles).not.toContain('Intrus')
  })

  it('duplicates an offer as a draft with the same skills', async () => {
    const saved = await saveOffer(test.db, users.verified, { companySlug: 'calais-verifiee' }, input('Data analyst marée'), NOW)
    const copy = await duplicateOffer(test.db, users.verified, saved!.id, NOW)
    const offer = await findOfferForEdit(test.db, users.verified, copy!.id)
    expect(offer).toMatchObject({ title: 'Data analyst marée (copie)', status: 'draft' })
    expect(offer!.skills).toEqual(expect.arrayContaining([{ slug: 'typescript', required: 1 }, { slug: 'docker', required: 0 }]))
  })
})

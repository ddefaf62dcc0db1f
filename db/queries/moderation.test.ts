import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { offerQuery } from '#search/query-params.ts'
import { createTestCompany, createTestOffer } from '../seed/index.ts'
import { createTestDatabase } from '../test-database.ts'
import { createUser } from './accounts.ts'
import { changeOfferStatus } from './recruiter-offers.ts'
import { updateCompany } from './recruiter-company.ts'
import {
  createOfferReport,
  decidePendingOffer,
  listOpenReports,
  listPendingOffers,
  listUnverifiedCompanies,
  moderationCounts,
  resolveReport,
  verifyCompany,
} from './moderation.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let engine: EmbeddedSearchEngine
let companyId: number
let adminId: number
const NOW = new Date('2026-11-20T10:00:00Z')
// Factory offers are published at the wall clock's now; moderation decisions at NOW (earlier).
const found = async (text: string) =>
  (await engine.searchOffers(offerQuery({ text, sort: 'relevance' }), new Date())).hits.map((h) => h.title)

beforeAll(async () => {
  test = await createTestDatabase()
  engine = new EmbeddedSearchEngine(test.sqlite)
  companyId = (await createTestCompany(test.db, { name: 'Jeune Pousse Boulonnaise' })).id
  const admin = await createUser(test.db, { email: 'admin@exemple.fr', passwordHash: 'x', displayName: 'Admin', role: 'admin' }, NOW)
  if (admin === 'email-taken') throw new Error('taken')
  adminId = admin.id
})
afterAll(async () => {
  await test.destroy()
})

describe('moderation', () => {
  it('an approved offer goes online for 60 days and is found; a second decision is refused', async () => {
    const offer = await createTestOffer(test.db, { companyId, title: 'Intégrateur zéphyrin', status: 'pending' })
    expect((await listPendingOffers(test.db)).map((o) => o.id)).toContain(offer.id)
    expect(await found('zéphyrin')).toEqual([])
    expect(await decidePendingOffer(test.db, offer.id, { approve: true }, NOW)).toEqual({ status: 'published' })
    const row = await test.db.selectFrom('offers').select(['status', 'published_at', 'expires_at']).where('id', '=', offer.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'published', published_at: NOW.toISOString(), expires_at: '2027-01-19T10:00:00.000Z' })
    expect(await found('zéphyrin')).toEqual(['Intégrateur zéphyrin'])
    expect(await decidePendingOffer(test.db, offer.id, { approve: false, reason: 'Trop tard pour refuser.' }, NOW)).toBeNull()
    expect((await test.db.selectFrom('offers').select('status').where('id', '=', offer.id).executeTakeFirstOrThrow()).status).toBe('published')
  })

  it('a rejected offer returns to draft with the reason, stays out of search and out of the queue', async () => {
    const offer = await createTestOffer(test.db, { companyId, title: 'Offre floue', status: 'pending' })
    expect(await decidePendingOffer(test.db, offer.id, { approve: false, reason: 'Le salaire est manquant.' }, NOW)).toEqual({ status: 'draft' })
    const row = await test.db.selectFrom('offers').select(['status', 'moderation_note']).where('id', '=', offer.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'draft', moderation_note: 'Le salaire est manquant.' })
    expect((await listPendingOffers(test.db)).map((o) => o.id)).not.toContain(offer.id)
    expect(await found('floue')).toEqual([])
  })

  it('verifies a company once', async () => {
    const other = await createTestCompany(test.db, { name: 'À vérifier' })
    expect((await listUnverifiedCompanies(test.db)).map((c) => c.id)).toContain(other.id)
    expect(await verifyCompany(test.db, other.id, NOW)).toBe(true)
    expect(await verifyCompany(test.db, other.id, NOW)).toBe(false)
    expect((await listUnverifiedCompanies(test.db)).map((c) => c.id)).not.toContain(other.id)
  })

  it('a takedown sends the offer back to draft with a note, out of search, and its next publication waits for moderation', async () => {
    await verifyCompany(test.db, companyId, NOW)
    const recruiter = await createUser(test.db, { email: 'rh@pousse.fr', passwordHash: 'x', displayName: 'Rh', role: 'recruiter' }, NOW)
    if (recruiter === 'email-taken') throw new Error('taken')
    await test.db.insertInto('company_members').values({ company_id: companyId, user_id: recruiter.id, role: 'owner', created_at: NOW.toISOString() }).execute()
    const kept = await createTestOffer(test.db, { companyId, title: 'Offre correcte quetzal' })
    const removed = await createTestOffer(test.db, { companyId, title: 'Offre arnaque quetzal' })
    await createOfferReport(test.db, { offerId: kept.id, reporterId: null, reason: 'inaccurate', message: '' }, NOW)
    await createOfferReport(test.db, { offerId: removed.id, reporterId: null, reason: 'fraud', message: 'Demande un virement.' }, NOW)
    const before = await moderationCounts(test.db)
    const reports = await listOpenReports(test.db)
    const reportOf = (offerId: number) => reports.find((r) => r.offer_id === offerId)!.id
    expect(await resolveReport(test.db, reportOf(kept.id), adminId, { takedownNote: null }, NOW)).toEqual({ offerId: kept.id })
    expect(await resolveReport(test.db, reportOf(removed.id), adminId, { takedownNote: 'Retirée : arnaque.' }, NOW)).toEqual({ offerId: removed.id })
    expect(await resolveReport(test.db, reportOf(removed.id), adminId, { takedownNote: 'Encore.' }, NOW)).toBeNull()
    expect((await moderationCounts(test.db)).reports).toBe(before.reports - 2)
    expect(await found('quetzal')).toEqual(['Offre correcte quetzal'])
    const row = await test.db.selectFrom('offers').select(['status', 'moderation_note']).where('id', '=', removed.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'draft', moderation_note: 'Retirée : arnaque.' })

    // The company is verified, yet republishing the taken-down offer waits for an admin; approval clears the note.
    expect(await changeOfferStatus(test.db, recruiter.id, removed.id, 'publish', NOW)).toEqual({ status: 'pending' })
    expect(await found('quetzal')).toEqual(['Offre correcte quetzal'])
    expect(await decidePendingOffer(test.db, removed.id, { approve: true }, NOW)).toEqual({ status: 'published' })
    expect((await test.db.selectFrom('offers').select('moderation_note').where('id', '=', removed.id).executeTakeFirstOrThrow()).moderation_note).toBeNull()
    expect(await changeOfferStatus(test.db, recruiter.id, kept.id, 'publish', NOW)).toEqual({ status: 'published' })
  })
})

describe('verification follows the identity', () => {
  it('renaming a verified company or changing its SIREN sends it back to the admins; editing its presentation does not', async () => {
    const company = await createTestCompany(test.db, { name: 'Opale Réseaux', siren: '732829320' })
    await verifyCompany(test.db, company.id, NOW)
    const owner = await createUser(test.db, { email: 'owner@opale.fr', passwordHash: 'x', displayName: 'O', role: 'recruiter' }, NOW)
    if (owner === 'email-taken') throw new Error('taken')
    await test.db.insertInto('company_members').values({ company_id: company.id, user_id: owner.id, role: 'member', created_at: NOW.toISOString() }).execute()
    const input = { name: 'Opale Réseaux', siren: '732829320', nafCode: '62.01Z', sizeBand: '10-49' as const, clusterSlug: null,
      communeInsee: '62193', website: null, description: 'Nouvelle présentation, plus complète, de notre entreprise calaisienne.' }
    const verified = async () => (await test.db.selectFrom('companies').select('verified_at').where('id', '=', company.id).executeTakeFirstOrThrow()).verified_at
    expect(await updateCompany(test.db, owner.id, company.slug, input, { keep: true })).toMatchObject({ verificationLost: false })
    expect(await verified()).not.toBeNull()
    expect(await updateCompany(test.db, owner.id, company.slug, { ...input, name: 'Airbus' }, { keep: true })).toMatchObject({ verificationLost: true })
    expect(await verified()).toBeNull()
    expect((await listUnverifiedCompanies(test.db)).map((c) => c.id)).toContain(company.id)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { offerQuery } from '#search/query-params.ts'
import { createTestCompany, createTestOffer } from '../seed/index.ts'
import { createTestDatabase } from '../test-database.ts'
import { createUser } from './accounts.ts'
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

  it('a report closed with "remove the offer" takes the offer out of search; a dismissed one leaves it online', async () => {
    const kept = await createTestOffer(test.db, { companyId, title: 'Offre correcte quetzal' })
    const removed = await createTestOffer(test.db, { companyId, title: 'Offre arnaque quetzal' })
    await createOfferReport(test.db, { offerId: kept.id, reporterId: null, reason: 'inaccurate', message: '' }, NOW)
    await createOfferReport(test.db, { offerId: removed.id, reporterId: null, reason: 'fraud', message: 'Demande un virement.' }, NOW)
    const before = await moderationCounts(test.db)
    const reports = await listOpenReports(test.db)
    const reportOf = (offerId: number) => reports.find((r) => r.offer_id === offerId)!.id
    expect(await resolveReport(test.db, reportOf(kept.id), adminId, { closeOffer: false }, NOW)).toBe(true)
    expect(await resolveReport(test.db, reportOf(removed.id), adminId, { closeOffer: true }, NOW)).toBe(true)
    expect(await resolveReport(test.db, reportOf(removed.id), adminId, { closeOffer: true }, NOW)).toBe(false)
    expect((await moderationCounts(test.db)).reports).toBe(before.reports - 2)
    expect(await found('quetzal')).toEqual(['Offre correcte quetzal'])
  })
})

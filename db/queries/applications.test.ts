import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestApplication, createTestCandidate, createTestCompany, createTestOffer } from '../seed/index.ts'
import { createTestDatabase } from '../test-database.ts'
import { applyToOffer, findOwnApplication, listOwnApplications } from './applications.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let companyId: number

beforeAll(async () => {
  test = await createTestDatabase()
  companyId = (await createTestCompany(test.db, { name: 'Phare Numérique' })).id
})
afterAll(async () => {
  await test.destroy()
})

it('applies once per offer; the second attempt is told, not crashed', async () => {
  const offer = await createTestOffer(test.db, { companyId, title: 'Développeuse Java' })
  const { id } = await createTestCandidate(test.db)
  const first = await applyToOffer(test.db, id, offer.id, 'Bonjour', new Date())
  expect(first).toEqual({ id: expect.any(Number) })
  expect(await applyToOffer(test.db, id, offer.id, 'Encore moi', new Date())).toBe('already-applied')
  expect(await findOwnApplication(test.db, id, offer.id)).toMatchObject({ stage: 'new' })
  const rows = await test.db.selectFrom('applications').select('message').where('offer_id', '=', offer.id).execute()
  expect(rows).toEqual([{ message: 'Bonjour' }])
})

it('refuses drafts, closed and expired offers', async () => {
  const { id } = await createTestCandidate(test.db)
  const draft = await createTestOffer(test.db, { companyId, status: 'draft' })
  const closed = await createTestOffer(test.db, { companyId, status: 'closed' })
  const expired = await createTestOffer(test.db, { companyId, published_at: '2025-01-01T00:00:00Z', expires_at: '2025-03-01T00:00:00Z' })
  for (const offer of [draft, closed, expired]) expect(await applyToOffer(test.db, id, offer.id, '', new Date())).toBe('offer-unavailable')
  expect(await test.db.selectFrom('applications').select('id').where('candidate_id', '=', id).execute()).toEqual([])
})

it('lists only the candidate’s own applications, newest first, linking only public offers', async () => {
  const a = await createTestCandidate(test.db)
  const b = await createTestCandidate(test.db)
  const open = await createTestOffer(test.db, { companyId, title: 'Offre ouverte' })
  const later = await createTestOffer(test.db, { companyId, title: 'Offre clôturée' })
  await applyToOffer(test.db, a.id, open.id, '', new Date())
  await applyToOffer(test.db, a.id, later.id, '', new Date())
  await test.db.updateTable('offers').set({ status: 'closed' }).where('id', '=', later.id).execute()
  await createTestApplication(test.db, { offerId: open.id, candidateId: b.id, stage: 'interview' })

  const mine = await listOwnApplications(test.db, a.id, new Date())
  expect(mine.map((m) => [m.offer_title, m.offer_public, m.stage, m.company_name])).toEqual([
    ['Offre clôturée', 0, 'new', 'Phare Numérique'],
    ['Offre ouverte', 1, 'new', 'Phare Numérique'],
  ])
  const theirs = await listOwnApplications(test.db, b.id, new Date())
  expect(theirs.map((t) => [t.offer_title, t.stage])).toEqual([['Offre ouverte', 'interview']])
  expect(await findOwnApplication(test.db, b.id, later.id)).toBeUndefined()
})

import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestApplication, createTestCandidate, createTestCompany, createTestOffer } from '../seed/factories.ts'
import { createTestDatabase } from '../test-database.ts'
import { findOwnApplication, withdrawOwnApplication } from './applications.ts'
import { moveApplicationStage } from './recruiter-applications.ts'
import { listSavedOffers, offerMarks, saveOffer, unsaveOffer } from './saved-offers.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
const NOW = new Date()
beforeAll(async () => {
  test = await createTestDatabase()
})
afterAll(async () => {
  await test.destroy()
})

it('keeps offers per candidate, marks a page of offers in one statement scoped to the candidate, and withdraws only one’s own', async () => {
  const company = await createTestCompany(test.db, { name: 'Cap Gris-Nez Logiciel' })
  const [a, b, c] = await Promise.all([1, 2, 3].map((n) => createTestOffer(test.db, { companyId: company.id, title: `Offre ${n}` })))
  const draft = await createTestOffer(test.db, { companyId: company.id, title: 'Brouillon', status: 'draft' })
  const zoe = await createTestCandidate(test.db)
  const other = await createTestCandidate(test.db)

  expect(await saveOffer(test.db, zoe.id, a!.id, NOW)).toBe(true)
  expect(await saveOffer(test.db, zoe.id, a!.id, NOW)).toBe(true) // twice: still one row
  expect(await saveOffer(test.db, zoe.id, draft.id, NOW)).toBe(false)
  await saveOffer(test.db, other.id, b!.id, NOW)
  const application = await createTestApplication(test.db, { offerId: c!.id, candidateId: zoe.id })
  await createTestApplication(test.db, { offerId: a!.id, candidateId: other.id })

  expect((await listSavedOffers(test.db, zoe.id, NOW)).map((o) => o.title)).toEqual(['Offre 1'])
  const marks = await offerMarks(test.db, zoe.id, [a!.id, b!.id, c!.id])
  expect(marks.get(a!.id)).toEqual({ saved: true, appliedAt: null, withdrawnAt: null })
  expect(marks.get(b!.id)).toBeUndefined() // someone else's saved offer
  expect(marks.get(c!.id)).toMatchObject({ saved: false, appliedAt: expect.any(String), withdrawnAt: null })

  // Someone else cannot withdraw it; its owner can, once; the company can no longer move it.
  expect(await withdrawOwnApplication(test.db, other.id, application.id, NOW)).toBe(false)
  expect(await withdrawOwnApplication(test.db, zoe.id, application.id, NOW)).toBe(true)
  expect(await withdrawOwnApplication(test.db, zoe.id, application.id, NOW)).toBe(false)
  expect((await findOwnApplication(test.db, zoe.id, c!.id))?.withdrawn_at).toBe(NOW.toISOString())
  expect((await offerMarks(test.db, zoe.id, [c!.id])).get(c!.id)?.withdrawnAt).toBe(NOW.toISOString())
  const recruiter = await test.db.insertInto('users').values({ email: 'rh@cap.fr', password_hash: 'x', display_name: 'RH', role: 'recruiter',
    created_at: NOW.toISOString(), last_active_at: NOW.toISOString() }).returning('id').executeTakeFirstOrThrow()
  await test.db.insertInto('company_members').values({ company_id: company.id, user_id: recruiter.id, role: 'owner', created_at: NOW.toISOString() }).execute()
  expect(await moveApplicationStage(test.db, recruiter.id, application.id, 'interview', NOW)).toBe(false)

  await unsaveOffer(test.db, zoe.id, a!.id)
  expect(await listSavedOffers(test.db, zoe.id, NOW)).toEqual([])
  expect((await listSavedOffers(test.db, other.id, NOW)).map((o) => o.title)).toEqual(['Offre 2'])
  // Deleting an offer takes its saves with it.
  await test.db.deleteFrom('offers').where('id', '=', b!.id).execute()
  expect(await listSavedOffers(test.db, other.id, NOW)).toEqual([])
})

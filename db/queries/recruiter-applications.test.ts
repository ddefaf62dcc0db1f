import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestApplication, createTestCandidate, createTestCompany, createTestOffer } from '../seed/index.ts'
import { createTestDatabase } from '../test-database.ts'
import { createUser } from './accounts.ts'
import { withdrawOwnApplication } from './applications.ts'
import {
  addApplicationNote,
  countApplicationsByOffer,
  countApplicationsByStage,
  findApplication,
  findApplicationCv,
  findOfferForApplicants,
  listApplicantLanguages,
  listApplicantSkills,
  listApplicationNotes,
  listApplicationsForExport,
  listOfferApplications,
  moveApplicationStage,
} from './recruiter-applications.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let memberA: number
let memberB: number
let offerA: number
let applicationA: number
const now = new Date('2026-12-01T10:00:00Z')

async function recruiterOf(companyId: number, email: string) {
  const user = await createUser(test.db, { email, passwordHash: 'x', displayName: email, role: 'recruiter' }, now)
  if (user === 'email-taken') throw new Error('taken')
  await test.db.insertInto('company_members').values({ company_id: companyId, user_id: user.id, role: 'owner', created_at: now.toISOString() }).execute()
  return user.id
}

beforeAll(async () => {
  test = await createTestDatabase()
  const a = await createTestCompany(test.db, { name: 'Entreprise A', slug: 'entreprise-a' })
  const b = await createTestCompany(test.db, { name: 'Entreprise B', slug: 'entreprise-b' })
  memberA = await recruiterOf(a.id, 'a@exemple.fr')
  memberB = await recruiterOf(b.id, 'b@exemple.fr')
  offerA = (await createTestOffer(test.db, { companyId: a.id, title: 'Développeuse Rust' })).id
  await createTestOffer(test.db, { companyId: b.id })
  const candidate = await createTestCandidate(test.db, { firstName: 'Léa', lastName: 'Fournier', skills: [{ slug: 'react', level: 3 }] })
  await test.db.updateTable('candidate_profiles').set({ cv_file: 'a'.repeat(32), cv_name: 'cv-lea.pdf' }).where('user_id', '=', candidate.id).execute()
  await test.db.insertInto('candidate_languages').values({ user_id: candidate.id, language: 'Anglais', level: 'b2' }).execute()
  applicationA = (await createTestApplication(test.db, { offerId: offerA, candidateId: candidate.id, message: '=1+1 bonjour' })).id
  expect(await addApplicationNote(test.db, memberA, applicationA, 'Profil solide.', now)).toBe(true)
})
afterAll(async () => {
  await test.destroy()
})

it('a member of the offer’s company sees the application, the shared profile, notes and CV', async () => {
  expect(await findOfferForApplicants(test.db, memberA, offerA)).toMatchObject({ title: 'Développeuse Rust' })
  expect(await listOfferApplications(test.db, memberA, offerA, null)).toHaveLength(1)
  expect(await listOfferApplications(test.db, memberA, offerA, 'interview')).toHaveLength(0)
  expect(Object.fromEntries(await countApplicationsByStage(test.db, memberA, offerA))).toEqual({ new: 1 })
  expect((await countApplicationsByOffer(test.db, memberA, 'entreprise-a', [offerA])).get(offerA)).toBe(1)
  expect(await findApplication(test.db, memberA, applicationA)).toMatchObject({ first_name: 'Léa', cv_name: 'cv-lea.pdf' })
  expect(await listApplicantSkills(test.db, memberA, applicationA)).toEqual([{ name: expect.any(String), level: 3 }])
  expect(await listApplicantLanguages(test.db, memberA, applicationA)).toEqual([{ language: 'Anglais', level: 'b2' }])
  expect(await listApplicationNotes(test.db, memberA, applicationA)).toMatchObject([{ body: 'Profil solide.', author_name: 'a@exemple.fr' }])
  expect(await findApplicationCv(test.db, memberA, applicationA)).toMatchObject({ cv_file: 'a'.repeat(32) })
  expect(await listApplicationsForExport(test.db, memberA, offerA)).toMatchObject([{ last_name: 'Fournier', message: '=1+1 bonjour' }])
})

it('a member of company B gets nothing of company A’s offer, application, notes or CV, and changes nothing', async () => {
  expect(await findOfferForApplicants(test.db, memberB, offerA)).toBeUndefined()
  expect(await listOfferApplications(test.db, memberB, offerA, null)).toEqual([])
  expect((await countApplicationsByStage(test.db, memberB, offerA)).size).toBe(0)
  expect((await countApplicationsByOffer(test.db, memberB, 'entreprise-a', [offerA])).size).toBe(0)
  expect(await findApplication(test.db, memberB, applicationA)).toBeUndefined()
  expect(await listApplicantSkills(test.db, memberB, applicationA)).toEqual([])
  expect(await listApplicantLanguages(test.db, memberB, applicationA)).toEqual([])
  expect(await listApplicationNotes(test.db, memberB, applicationA)).toEqual([])
  expect(await findApplicationCv(test.db, memberB, applicationA)).toBeUndefined()
  expect(await listApplicationsForExport(test.db, memberB, offerA)).toEqual([])

  expect(await moveApplicationStage(test.db, memberB, applicationA, 'rejected', now)).toBe(false)
  expect(await addApplicationNote(test.db, memberB, applicationA, 'Intrusion', now)).toBe(false)
  const row = await test.db.selectFrom('applications').select('stage').where('id', '=', applicationA).executeTakeFirstOrThrow()
  expect(row.stage).toBe('new')
  expect(await listApplicationNotes(test.db, memberA, applicationA)).toHaveLength(1)
})

it('moves the stage and dates the move', async () => {
  const later = new Date('2026-12-02T09:00:00Z')
  expect(await moveApplicationStage(test.db, memberA, applicationA, 'interview', later)).toBe(true)
  expect(await findApplication(test.db, memberA, applicationA)).toMatchObject({ stage: 'interview', stage_changed_at: later.toISOString() })
})

it('once the candidate deleted their account, the application stays but nothing personal', async () => {
  const other = await createTestCandidate(test.db, { firstName: 'Paul' })
  const { id } = await createTestApplication(test.db, { offerId: offerA, candidateId: other.id })
  await test.db.deleteFrom('users').where('id', '=', other.id).execute()
  const application = await findApplication(test.db, memberA, id)
  expect(application).toMatchObject({ candidate_id: null, email: null, first_name: null, last_name: null, cv_name: null })
  expect(await findApplicationCv(test.db, memberA, id)).toBeUndefined()
})

it('a withdrawn application counts under « Retirées », not under the stage it had reached', async () => {
  const companyId = (await test.db.selectFrom('offers').select('company_id').where('id', '=', offerA).executeTakeFirstOrThrow()).company_id
  const offer = (await createTestOffer(test.db, { companyId, title: 'Technicien·ne support' })).id
  const stays = await createTestCandidate(test.db, { firstName: 'Inès', lastName: 'Reste' })
  const leaves = await createTestCandidate(test.db, { firstName: 'Paul', lastName: 'Retire' })
  const kept = (await createTestApplication(test.db, { offerId: offer, candidateId: stays.id })).id
  const withdrawn = (await createTestApplication(test.db, { offerId: offer, candidateId: leaves.id })).id
  for (const id of [kept, withdrawn]) expect(await moveApplicationStage(test.db, memberA, id, 'interview', now)).toBe(true)
  expect(await withdrawOwnApplication(test.db, leaves.id, withdrawn, now)).toBe(true)

  expect(Object.fromEntries(await countApplicationsByStage(test.db, memberA, offer))).toEqual({ interview: 1, withdrawn: 1 })
  expect((await listOfferApplications(test.db, memberA, offer, 'interview')).map((a) => a.id)).toEqual([kept])
  expect((await listOfferApplications(test.db, memberA, offer, 'withdrawn')).map((a) => a.id)).toEqual([withdrawn])
  expect(await listOfferApplications(test.db, memberA, offer, null)).toHaveLength(2)
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCandidate, createTestCompany, createTestOffer } from '../seed/index.ts'
import { addTestForumCandidate, addTestForumCompany, createTestForum } from '../seed/forum-factories.ts'
import { createTestDatabase } from '../test-database.ts'
import { createUser } from './accounts.ts'
import {
  findOwnRegistration, registerForForum, setCandidateWishes, unregisterFromForum,
} from './forum-candidates.ts'
import {
  answerForumInvitation, findMemberForum, listCompanyOffersForForum, listForumCandidatesForCompany, listMemberForumInvitations,
  setCompanyWish,
} from './forum-companies.ts'
import { importForumCandidates } from './forum-import.ts'
import {
  createForum, findOrganiserForum, forumCounts, inviteCompany, listOrganiserForums, setForumStatus, updateForum, type ForumInput,
} from './forums.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
const NOW = new Date('2026-11-22T10:00:00Z')
const input: ForumInput = {
  name: 'Forum du numérique du Calaisis', date: '2027-03-12', communeInsee: '62193', venue: 'Halle Vauban', opensAt: '09:00',
  closesAt: '12:00', slotMinutes: 20, tablesPerCompany: 2, maxInterviewsPerCandidate: 4,
}
const who = { a: { id: 0, role: 'organiser' }, b: { id: 0, role: 'organiser' }, admin: { id: 0, role: 'admin' } }
let memberX = 0
let memberY = 0
let companyX = 0
let companyY = 0

async function user(email: string, role: 'organiser' | 'admin' | 'recruiter') {
  const u = await createUser(test.db, { email, passwordHash: 'x', displayName: email, role }, NOW)
  if (u === 'email-taken') throw new Error('taken')
  return u.id
}

beforeAll(async () => {
  test = await createTestDatabase()
  who.a.id = await user('a@orga.fr', 'organiser')
  who.b.id = await user('b@orga.fr', 'organiser')
  who.admin.id = await user('admin@orga.fr', 'admin')
  memberX = await user('rh@x.fr', 'recruiter')
  memberY = await user('rh@y.fr', 'recruiter')
  const verified = NOW.toISOString()
  companyX = (await createTestCompany(test.db, { name: 'Phare X', verified_at: verified })).id
  companyY = (await createTestCompany(test.db, { name: 'Digue Y', verified_at: verified })).id
  for (const [userId, companyId] of [[memberX, companyX], [memberY, companyY]] as const) {
    await test.db.insertInto('company_members').values({ company_id: companyId, user_id: userId, role: 'owner', created_at: verified }).execute()
  }
})
afterAll(async () => {
  await test.destroy()
})

describe('organisers', () => {
  it('reach only their own forums; admins reach all', async () => {
    const { slug } = await createForum(test.db, who.a.id, input, NOW)
    const forum = (await findOrganiserForum(test.db, who.a, slug))!
    expect(forum.name).toBe(input.name)
    expect(await findOrganiserForum(test.db, who.b, slug)).toBeUndefined()
    expect(await findOrganiserForum(test.db, who.admin, slug)).toBeDefined()
    expect((await listOrganiserForums(test.db, who.b)).map((f) => f.slug)).not.toContain(slug)
    expect((await listOrganiserForums(test.db, who.a)).map((f) => f.slug)).toContain(slug)

    expect(await updateForum(test.db, who.b, forum.id, { ...input, name: 'Détourné par B' }, NOW)).toBe(false)
    expect(await setForumStatus(test.db, who.b, forum.id, 'closed', NOW)).toBe(false)
    expect(await inviteCompany(test.db, who.b, forum.id, companyX, NOW)).toBe(false)
    expect(await importForumCandidates(test.db, who.b, forum.id, [], NOW)).toEqual({ ok: false, notFound: true })
    expect(await findOrganiserForum(test.db, who.a, slug)).toMatchObject({ name: input.name, status: 'draft' })
    expect(await forumCounts(test.db, who.b, forum.id)).toMatchObject({ invited: 0 })

    expect(await updateForum(test.db, who.admin, forum.id, { ...input, venue: 'Salle du Minck' }, NOW)).toBe(true)
    expect(await inviteCompany(test.db, who.a, forum.id, companyX, NOW)).toBe(true)
    expect(await forumCounts(test.db, who.a, forum.id)).toMatchObject({ invited: 1, accepted: 0 })
  })

  it('invite verified companies only, once', async () => {
    const forum = await createTestForum(test.db, { organiserId: who.a.id })
    const unverified = await createTestCompany(test.db, { name: 'Non vérifiée' })
    expect(await inviteCompany(test.db, who.a, forum.id, unverified.id, NOW)).toBe(false)
    expect(await inviteCompany(test.db, who.a, forum.id, companyX, NOW)).toBe(true)
    expect(await inviteCompany(test.db, who.a, forum.id, companyX, NOW)).toBe(false)
  })

  it('give unique slugs to forums with the same name and date', async () => {
    const one = await createForum(test.db, who.a.id, input, NOW)
    const two = await createForum(test.db, who.b.id, input, NOW)
    expect(two.slug).not.toBe(one.slug)
  })
})

describe('companies', () => {
  it('see and answer only their own invitations, with their own published offers', async () => {
    const forum = await createTestForum(test.db, { organiserId: who.a.id })
    const offerX = await createTestOffer(test.db, { companyId: companyX, title: 'Technicien·ne fibre' })
    const offerY = await createTestOffer(test.db, { companyId: companyY, title: 'Développeur·se Y' })
    const draftX = await createTestOffer(test.db, { companyId: companyX, status: 'draft' })
    await addTestForumCompany(test.db, forum.id, companyX, 'invited')

    expect(await findMemberForum(test.db, memberY, forum.slug)).toBeUndefined()
    expect((await listMemberForumInvitations(test.db, memberY)).map((i) => i.slug)).not.toContain(forum.slug)
    expect(await answerForumInvitation(test.db, memberY, forum.id, companyX, { accept: true, offerIds: [offerY.id] }, NOW)).toBe('not-found')
    expect(await listCompanyOffersForForum(test.db, memberY, forum.id, companyX)).toEqual([])

    expect((await findMemberForum(test.db, memberX, forum.slug))?.companies).toEqual([{ id: companyX, name: 'Phare X', invitation: 'invited' }])
    expect(await answerForumInvitation(test.db, memberX, forum.id, companyX, { accept: true, offerIds: [offerY.id] }, NOW)).toBe('unknown-offer')
    expect(await answerForumInvitation(test.db, memberX, forum.id, companyX, { accept: true, offerIds: [draftX.id] }, NOW)).toBe('unknown-offer')
    expect(await answerForumInvitation(test.db, memberX, forum.id, companyX, { accept: true, offerIds: [offerX.id] }, NOW)).toBe('done')
    expect(await forumCounts(test.db, who.a, forum.id)).toMatchObject({ accepted: 1, offers: 1 })

    await test.db.updateTable('forums').set({ status: 'closed' }).where('id', '=', forum.id).execute()
    expect(await answerForumInvitation(test.db, memberX, forum.id, companyX, { accept: false }, NOW)).toBe('closed')
    expect(await forumCounts(test.db, who.a, forum.id)).toMatchObject({ accepted: 1, offers: 1 })
  })

  it('see only confirmed candidates, without e-mail nor full name, and wish only for their own company', async () => {
    const forum = await createTestForum(test.db, { organiserId: who.a.id })
    await addTestForumCompany(test.db, forum.id, companyX, 'accepted')
    await addTestForumCompany(test.db, forum.id, companyY, 'invited')
    const confirmed = await createTestCandidate(test.db, { firstName: 'Léa', lastName: 'Dufour', skills: [{ slug: 'typescript', level: 3 }] })
    const waiting = await createTestCandidate(test.db, { firstName: 'Hugo', lastName: 'Martel' })
    await addTestForumCandidate(test.db, forum.id, confirmed.id, true)
    await addTestForumCandidate(test.db, forum.id, waiting.id, false)

    const seen = await listForumCandidatesForCompany(test.db, memberX, forum.id, companyX)
    expect(seen.map((c) => c.first_name)).toEqual(['Léa'])
    expect(seen[0]).toMatchObject({ initial: 'D', skills: [{ name: expect.any(String), level: 3 }] })
    expect(JSON.stringify(seen)).not.toMatch(/Dufour|@/)
    // Another company's member, or a company that has not accepted, sees nobody.
    expect(await listForumCandidatesForCompany(test.db, memberY, forum.id, companyX)).toEqual([])
    expect(await listForumCandidatesForCompany(test.db, memberY, forum.id, companyY)).toEqual([])

    expect(await setCompanyWish(test.db, memberY, forum.id, companyX, confirmed.id, true, NOW)).toBe(false)
    expect(await setCompanyWish(test.db, memberY, forum.id, companyY, confirmed.id, true, NOW)).toBe(false)
    expect(await setCompanyWish(test.db, memberX, forum.id, companyX, waiting.id, true, NOW)).toBe(false)
    expect(await setCompanyWish(test.db, memberX, forum.id, companyX, confirmed.id, true, NOW)).toBe(true)
    expect(await forumCounts(test.db, who.a, forum.id)).toMatchObject({ wishesByCompanies: 1, confirmed: 1, waiting: 1 })
  })

  it('never see a draft forum', async () => {
    const forum = await createTestForum(test.db, { organiserId: who.a.id, status: 'draft' })
    await addTestForumCompany(test.db, forum.id, companyX, 'invited')
    expect(await findMemberForum(test.db, memberX, forum.slug)).toBeUndefined()
  })
})

describe('candidates', () => {
  it('register, wish and unregister only themselves', async () => {
    const forum = await createTestForum(test.db, { organiserId: who.a.id })
    await addTestForumCompany(test.db, forum.id, companyX, 'accepted')
    await addTestForumCompany(test.db, forum.id, companyY, 'invited')
    const me = await createTestCandidate(test.db)
    const other = await createTestCandidate(test.db)
    await addTestForumCandidate(test.db, forum.id, other.id, true)
    await setCandidateWishes(test.db, other.id, forum.id, [companyX], NOW)

    expect(await setCandidateWishes(test.db, me.id, forum.id, [companyX], NOW)).toBe('not-allowed')
    expect(await registerForForum(test.db, me.id, forum.id, NOW)).toBe('done')
    expect(await findOwnRegistration(test.db, me.id, forum.id)).toMatchObject({ source: 'self', consent_at: NOW.toISOString() })
    // Only accepted companies may be wished.
    expect(await setCandidateWishes(test.db, me.id, forum.id, [companyY], NOW)).toBe('unknown-company')
    expect(await setCandidateWishes(test.db, me.id, forum.id, [companyX], NOW)).toBe('done')

    await unregisterFromForum(test.db, me.id, forum.id)
    expect(await findOwnRegistration(test.db, me.id, forum.id)).toBeUndefined()
    expect(await findOwnRegistration(test.db, other.id, forum.id)).toMatchObject({ wishedCompanyIds: [companyX] })
    const myWishes = await test.db.selectFrom('forum_wishes').selectAll().where('candidate_id', '=', me.id).execute()
    expect(myWishes).toEqual([])
  })

  it('cannot register to a forum that is not open, nor without a profile', async () => {
    const draft = await createTestForum(test.db, { organiserId: who.a.id, status: 'draft' })
    const closed = await createTestForum(test.db, { organiserId: who.a.id, status: 'closed' })
    const open = await createTestForum(test.db, { organiserId: who.a.id })
    const me = await createTestCandidate(test.db)
    expect(await registerForForum(test.db, me.id, draft.id, NOW)).toBe('not-open')
    expect(await registerForForum(test.db, me.id, closed.id, NOW)).toBe('not-open')
    await test.db.deleteFrom('candidate_profiles').where('user_id', '=', me.id).execute()
    expect(await registerForForum(test.db, me.id, open.id, NOW)).toBe('no-profile')
  })
})

describe('import', () => {
  it('creates missing accounts, reuses candidates, refuses other roles, and leaves registrations unconfirmed', async () => {
    const forum = await createTestForum(test.db, { organiserId: who.a.id })
    const known = await createTestCandidate(test.db, { email: 'connue@exemple.fr', firstName: 'Inès' })
    const row = (line: number, email: string) => ({ line, firstName: 'Zoé', lastName: 'Caron', email, programme: 'BTS SIO', school: 'Lycée du Détroit' })
    const refused = await importForumCandidates(test.db, who.a, forum.id, [row(2, 'nouvelle@exemple.fr'), row(3, 'rh@x.fr')], NOW)
    expect(refused).toEqual({ ok: false, problems: [{ line: 3, column: 'email', message: expect.stringMatching(/pas un compte candidat/) }] })
    expect(await test.db.selectFrom('users').select('id').where('email', '=', 'nouvelle@exemple.fr').executeTakeFirst()).toBeUndefined()

    const done = await importForumCandidates(test.db, who.a, forum.id, [row(2, 'nouvelle@exemple.fr'), row(3, 'connue@exemple.fr')], NOW)
    expect(done).toMatchObject({ ok: true, alreadyRegistered: 0, imported: [
      { email: 'nouvelle@exemple.fr', newAccount: true, passwordToken: expect.any(String) },
      { email: 'connue@exemple.fr', newAccount: false, passwordToken: null },
    ] })
    const registrations = await test.db.selectFrom('forum_candidates').select(['source', 'consent_at']).where('forum_id', '=', forum.id).execute()
    expect(registrations).toEqual([{ source: 'import', consent_at: null }, { source: 'import', consent_at: null }])
    // The candidate's own profile is kept.
    expect(await test.db.selectFrom('candidate_profiles').select('first_name').where('user_id', '=', known.id).executeTakeFirst()).toEqual({ first_name: 'Inès' })
    expect(await forumCounts(test.db, who.a, forum.id)).toMatchObject({ confirmed: 0, waiting: 2 })
    const again = await importForumCandidates(test.db, who.a, forum.id, [row(2, 'nouvelle@exemple.fr')], NOW)
    expect(again).toMatchObject({ ok: true, imported: [], alreadyRegistered: 1 })
  })
})

import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/factories.ts'
import { addTestForumCandidate, addTestForumCompany, createTestForum } from '#db/seed/forum-factories.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { computePlanningMatches, planningMatchesForPage, schedulePairs } from './forum-planning.server.ts'
import { signedInUser } from './test-session.server.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
afterAll(() => test.destroy())
beforeAll(async () => {
  test = await createTestDatabase()
})

it('a wish further down the candidate’s list goes to the scheduler with the offer and score the match lists show', async () => {
  const organiser = await signedInUser(test.db, { email: 'orga-voeux@exemple.fr', role: 'organiser' })
  const forum = await createTestForum(test.db, { organiserId: organiser.id })
  await test.db.updateTable('forums').set({ max_interviews_per_candidate: 1 }).where('id', '=', forum.id).execute()
  const candidate = await createTestCandidate(test.db, { firstName: 'Maël', skills: [{ slug: 'react', level: 4 }, { slug: 'typescript', level: 2 }] })
  await addTestForumCandidate(test.db, forum.id, candidate.id)
  // Five companies match through React; the fifth, the weakest match (half its required skills: less would be another
  // trade, excluded by decision 014), also brings an offer off Maël's shortlist.
  // One interview per candidate: only the best 3 pairs go to the scheduler, plus the wishes.
  const companies = []
  for (let i = 1; i <= 5; i++) {
    const company = await createTestCompany(test.db, { name: `Entreprise ${i}` })
    const react = await createTestOffer(test.db, { companyId: company.id, title: `React ${i}`,
      skills: i < 5 ? [{ slug: 'react', required: true }, { slug: 'typescript', required: true }] : [{ slug: 'react', required: true }, { slug: 'java', required: true }] })
    const offers = [react.id]
    if (i === 5) offers.push((await createTestOffer(test.db, { companyId: company.id, title: 'Développeur·se PHP', skills: [{ slug: 'php', required: false }] })).id)
    await addTestForumCompany(test.db, forum.id, company.id, 'accepted', offers)
    companies.push(company)
  }
  const fifth = companies[4]!
  await test.db.insertInto('forum_wishes').values({ forum_id: forum.id, company_id: fifth.id, candidate_id: candidate.id, by: 'candidate', created_at: new Date().toISOString() }).execute()
  const now = new Date()
  const row = await test.db.selectFrom('forums').selectAll().where('id', '=', forum.id).executeTakeFirstOrThrow()

  const planning = await computePlanningMatches(test.db, { id: organiser.id, role: 'organiser' }, forum.id, now)
  const listed = planning.lists.byCandidate.get(candidate.id)!
  expect(listed.map((m) => m.companyId).indexOf(fifth.id)).toBeGreaterThanOrEqual(3)
  const shown = listed.find((m) => m.companyId === fifth.id)!

  const pair = schedulePairs(row, planning, now).find((p) => p.companyId === fifth.id && p.candidateId === candidate.id)
  expect(pair).toMatchObject({ offerId: shown.offerId, score: Math.round(shown.score), candidateWish: true })
})

it('the planning page reuses its match lists until the database changes, then shows the change', async () => {
  const organiser = await signedInUser(test.db, { email: 'orga-cache@exemple.fr', role: 'organiser' })
  const user = { id: organiser.id, role: 'organiser' as const }
  const forum = await createTestForum(test.db, { organiserId: organiser.id })
  const company = await createTestCompany(test.db, { name: 'Entreprise mémoire' })
  const offer = await createTestOffer(test.db, { companyId: company.id, title: 'React', skills: [{ slug: 'react', required: true }] })
  await addTestForumCompany(test.db, forum.id, company.id, 'accepted', [offer.id])
  const first = await createTestCandidate(test.db, { firstName: 'Inès', skills: [{ slug: 'react', level: 3 }] })
  await addTestForumCandidate(test.db, forum.id, first.id)
  const now = new Date()

  const before = await planningMatchesForPage(test.db, user, forum.id, now)
  expect(await planningMatchesForPage(test.db, user, forum.id, now)).toBe(before)
  expect(before.lists.byCompany.get(company.id)!.map((m) => m.candidateId)).toEqual([first.id])
  // Another organiser never gets this one's lists.
  const other = await signedInUser(test.db, { email: 'orga-autre@exemple.fr', role: 'organiser' })
  expect((await planningMatchesForPage(test.db, { id: other.id, role: 'organiser' }, forum.id, now)).input.candidates).toEqual([])

  const second = await createTestCandidate(test.db, { firstName: 'Yanis', skills: [{ slug: 'react', level: 4 }] })
  await addTestForumCandidate(test.db, forum.id, second.id)
  const after = await planningMatchesForPage(test.db, user, forum.id, now)
  expect(after).not.toBe(before)
  expect(after.lists.byCompany.get(company.id)!.map((m) => m.candidateId).sort()).toEqual([first.id, second.id].sort())
  // A minute later the lists are computed again (a score reads the date), even without a write.
  expect(await planningMatchesForPage(test.db, user, forum.id, new Date(now.getTime() + 61_000))).not.toBe(after)
})

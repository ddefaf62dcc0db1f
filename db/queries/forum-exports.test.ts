import { afterAll, beforeAll, expect, it } from 'vitest'
import { createUser } from './accounts.ts'
import { createTestForum } from '../seed/test-forum.ts'
import { createTestDatabase } from '../test-database.ts'
import {
  findForumForOrganiser, forumDashboardCounts, listRecentExports, listScheduleForExport, listWishesForExport, logExport,
} from './forum-exports.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let forum: Awaited<ReturnType<typeof createTestForum>>
let organiser: { id: number; role: 'organiser' }
let other: { id: number; role: 'organiser' }
let admin: { id: number; role: 'admin' }

async function user<R extends 'organiser' | 'admin'>(email: string, role: R) {
  const created = await createUser(test.db, { email, passwordHash: 'x', displayName: `Équipe ${email}`, role }, new Date())
  if (created === 'email-taken') throw new Error('taken')
  return { id: created.id, role }
}

beforeAll(async () => {
  test = await createTestDatabase()
  organiser = await user('orga@exemple.fr', 'organiser')
  other = await user('autre-orga@exemple.fr', 'organiser')
  admin = await user('admin@exemple.fr', 'admin')
  forum = await createTestForum(test.db, { organiserId: organiser.id, slug: 'forum-opale' })
})
afterAll(() => test.destroy())

it('finds the forum for its organiser and an admin, not for another organiser', async () => {
  expect(await findForumForOrganiser(test.db, organiser, 'forum-opale')).toMatchObject({ id: forum.forum.id })
  expect(await findForumForOrganiser(test.db, admin, 'forum-opale')).toMatchObject({ id: forum.forum.id })
  expect(await findForumForOrganiser(test.db, other, 'forum-opale')).toBeUndefined()
})

it('never lists a candidate who did not consent, in the schedule or the wishes', async () => {
  const schedule = await listScheduleForExport(test.db, organiser, forum.forum.id)
  const wishes = await listWishesForExport(test.db, organiser, forum.forum.id)
  expect(schedule.map((r) => r.first_name).sort()).toEqual(['=cmd|\' /C calc\'!A0', 'Léa', 'Zoé', 'Zoé'])
  expect(wishes.map((r) => r.first_name).sort()).toEqual(['Léa', 'Zoé'])
  const secret = forum.candidates.secret.id
  expect([...schedule, ...wishes].some((r) => r.candidate_id === secret)).toBe(false)
})

it('gives another organiser nothing, even with the forum id in hand', async () => {
  expect(await listScheduleForExport(test.db, other, forum.forum.id)).toEqual([])
  expect(await listWishesForExport(test.db, other, forum.forum.id)).toEqual([])
  expect(await logExport(test.db, other, forum.forum.id, 'planning', 'csv', new Date())).toBe(false)
  expect((await forumDashboardCounts(test.db, other, forum.forum.id)).interviews).toBe(0)
})

it('logs exports, newest first, with who made them', async () => {
  expect(await logExport(test.db, organiser, forum.forum.id, 'planning', 'csv', new Date('2026-11-21T08:00:00Z'))).toBe(true)
  expect(await logExport(test.db, admin, forum.forum.id, 'classeur', 'xlsx', new Date('2026-11-21T09:00:00Z'))).toBe(true)
  expect(await listRecentExports(test.db, organiser, forum.forum.id)).toMatchObject([
    { kind: 'classeur', format: 'xlsx', user_name: 'Équipe admin@exemple.fr' },
    { kind: 'planning', format: 'csv', user_name: 'Équipe orga@exemple.fr' },
  ])
  expect(await listRecentExports(test.db, other, forum.forum.id)).toEqual([])
})

it('counts registrations, interviews per confirmed candidate and outcomes', async () => {
  await test.db.updateTable('forum_interviews').set({ outcome: 'hired' }).where('id', '=', forum.interviews.zoe.id).execute()
  const counts = await forumDashboardCounts(test.db, organiser, forum.forum.id)
  expect(counts.companies).toEqual({ invited: 1, accepted: 2, declined: 0 })
  expect(counts.candidates).toEqual({ confirmed: 3, waiting: 1 })
  expect(counts.interviewsPerCandidate.sort()).toEqual([1, 1, 2])
  expect(counts.interviews).toBe(5)
  expect(counts.outcomes).toEqual({ hired: 1, notHired: 0, unmarked: 4 })
})

import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestForum } from '#db/seed/forum-factories.ts'
import { addPlanningPeople } from '#db/seed/planning-forum.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { action, loader } from './organiser-forum-planning.tsx'
import { signedInUser } from '../utils/test-session.server.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
const cookies = { a: '', b: '', recruiter: '' }
let slug = ''
let forumId = 0
let people: Awaited<ReturnType<typeof addPlanningPeople>>

const signedIn = (email: string, role: 'organiser' | 'recruiter') => signedInUser(test.db, { email, role })

beforeAll(async () => {
  test = await createTestDatabase()
  const a = await signedIn('a@orga.fr', 'organiser')
  cookies.a = a.cookie
  cookies.b = (await signedIn('b@orga.fr', 'organiser')).cookie
  cookies.recruiter = (await signedIn('r@x.fr', 'recruiter')).cookie
  const forum = await createTestForum(test.db, { organiserId: a.id, name: 'Forum de A' })
  // Scarce seats so choices matter: 3 slots, 1 table per company (9 seats) for 8 candidates × 2.
  await test.db.updateTable('forums').set({ opens_at: '09:00', closes_at: '10:00', slot_minutes: 20, tables_per_company: 1, max_interviews_per_candidate: 2 })
    .where('id', '=', forum.id).execute()
  slug = forum.slug
  forumId = forum.id
  people = await addPlanningPeople(test.db, forum.id, 'A')
})
afterAll(async () => {
  await test.destroy()
})

const url = () => `http://localhost/organisation/forums/${slug}/planning`
const post = (cookie: string, pairs: [string, string][]) => {
  const body = new FormData()
  for (const [k, v] of pairs) body.append(k, v)
  return new Request(url(), { method: 'POST', body, headers: { Cookie: cookie } })
}
const run = (cookie: string, pairs: [string, string][]) => action({ request: post(cookie, pairs), params: { slug }, context: { db: test.db } } as never)
const load = (cookie: string) => loader({ request: new Request(url(), { headers: { Cookie: cookie } }), params: { slug }, context: { db: test.db } } as never)
const statusOf = async (call: () => Promise<unknown>) => {
  try {
    const result = await call()
    return result instanceof Response ? result.status : ((result as { init?: ResponseInit }).init?.status ?? 200)
  } catch (error) {
    return (error as Response).status
  }
}
const interviews = () => test.db.selectFrom('forum_interviews').selectAll().where('forum_id', '=', forumId).orderBy('id').execute()
const snapshot = async () => ({
  interviews: await interviews(),
  removed: await test.db.selectFrom('forum_removed_pairs').selectAll().where('forum_id', '=', forumId).execute(),
  summary: (await test.db.selectFrom('forums').select('schedule_summary').where('id', '=', forumId).executeTakeFirstOrThrow()).schedule_summary,
})

it('schedules the confirmed candidates without double booking, honours wishes, and says how close to the optimum', async () => {
  expect(await statusOf(() => run(cookies.a, [['intent', 'schedule']]))).toBe(302)
  const rows = await interviews()
  expect(rows.length).toBeGreaterThan(0)
  // No table, candidate-slot or pair is used twice; capacities hold.
  expect(new Set(rows.map((r) => `${r.company_id}:${r.table_no}:${r.slot_no}`)).size).toBe(rows.length)
  expect(new Set(rows.map((r) => `${r.candidate_id}:${r.slot_no}`)).size).toBe(rows.length)
  expect(new Set(rows.map((r) => `${r.company_id}:${r.candidate_id}`)).size).toBe(rows.length)
  expect(rows.every((r) => r.table_no === 1 && r.slot_no >= 0 && r.slot_no < 3)).toBe(true)
  for (const c of people.candidates) expect(rows.filter((r) => r.candidate_id === c.id).length).toBeLessThanOrEqual(2)
  // The non-consenting candidate and the invited company are never scheduled.
  expect(rows.some((r) => r.candidate_id === people.secret.id)).toBe(false)
  expect(rows.some((r) => r.company_id === people.companies.invited.id)).toBe(false)
  // Wishes: Zoé at Opale (both sides) and Léa at Data are met; Maëlys's wish for Beffroi (no shared skill)
  // is counted (the pair was offered to the scheduler) even though Java profiles outscore it on 3 seats.
  const has = (companyId: number, candidateId: number) => rows.some((r) => r.company_id === companyId && r.candidate_id === candidateId)
  expect(has(people.companies.opale.id, people.candidates[0]!.id)).toBe(true)
  expect(has(people.companies.data.id, people.candidates[1]!.id)).toBe(true)

  const page = await load(cookies.a)
  expect(page.summary).toMatchObject({ interviews: rows.length, wishesMet: 3, wishesTotal: 4 })
  expect(page.summary!.gap).toBeGreaterThanOrEqual(0)
  const opale = page.companies.items.find((c) => c.id === people.companies.opale.id)!
  expect(opale.matches[0]).toMatchObject({ name: 'Zoé Lefèvre', offer: 'Développeur·se React' })
  expect(opale.matches[0]!.reasons.requiredMet).toContain('React')
  // Per candidate too: the ranked companies, each with its score and the reasons (skills, distance, contract…).
  const zoe = page.candidates.items.find((c) => c.id === people.candidates[0]!.id)!
  expect(zoe.matches[0]).toMatchObject({ company: people.companies.opale.name, offer: 'Développeur·se React' })
  expect(zoe.matches[0]!.score).toBe(opale.matches[0]!.score)
  expect(zoe.matches[0]!.reasons.requiredMet).toEqual(['React'])
  expect(zoe.matches[0]!.reasons.distanceKm).not.toBeNull()
  const jerome = page.candidates.items.find((c) => c.name === 'Jérôme Caron')!
  expect(jerome.matches.map((m) => m.company)).toEqual(expect.arrayContaining([people.companies.data.name, people.companies.beffroi.name]))
  for (const m of jerome.matches) expect(m.reasons.requiredMet.length + m.reasons.requiredMissing.length).toBeGreaterThan(0)
  expect(JSON.stringify(page)).not.toContain('Secrète')
  expect(page.candidates.items).toHaveLength(8)
})

it('keeps a pinned interview where it is and never brings a removed pair back', async () => {
  const before = await interviews()
  const pin = before.find((r) => r.company_id === people.companies.data.id)!
  const gone = before.find((r) => r.company_id === people.companies.opale.id && r.candidate_id !== pin.candidate_id)!
  expect(await statusOf(() => run(cookies.a, [['intent', 'pin'], ['interviewId', String(pin.id)]]))).toBe(302)
  expect(await statusOf(() => run(cookies.a, [['intent', 'remove'], ['interviewId', String(gone.id)]]))).toBe(302)
  for (let i = 0; i < 2; i++) {
    expect(await statusOf(() => run(cookies.a, [['intent', 'schedule']]))).toBe(302)
    const after = await interviews()
    expect(after.find((r) => r.id === pin.id)).toMatchObject({ pinned: 1, table_no: pin.table_no, slot_no: pin.slot_no, candidate_id: pin.candidate_id })
    expect(after.some((r) => r.company_id === gone.company_id && r.candidate_id === gone.candidate_id)).toBe(false)
  }
  // Unpinned, the interview is the scheduler's again (it may move) but the removed pair stays out.
  expect(await statusOf(() => run(cookies.a, [['intent', 'unpin'], ['interviewId', String(pin.id)]]))).toBe(302)
  expect((await interviews()).find((r) => r.id === pin.id)?.pinned).toBe(0)
  expect(await statusOf(() => run(cookies.a, [['intent', 'schedule']]))).toBe(302)
  expect((await interviews()).some((r) => r.company_id === gone.company_id && r.candidate_id === gone.candidate_id)).toBe(false)
})

it('another organiser gets a 404, a recruiter a 403, and nothing changes', async () => {
  const before = await snapshot()
  const id = String(before.interviews[0]!.id)
  expect(await statusOf(() => load(cookies.b))).toBe(404)
  expect(await statusOf(() => load(cookies.recruiter))).toBe(403)
  for (const intent of ['schedule', 'pin', 'unpin', 'remove']) {
    expect(await statusOf(() => run(cookies.b, [['intent', intent], ['interviewId', id]]))).toBe(404)
    expect(await statusOf(() => run(cookies.recruiter, [['intent', intent], ['interviewId', id]]))).toBe(403)
  }
  expect(await snapshot()).toEqual(before)
})

it('an interview of another forum answers 404 even to its own organiser', async () => {
  const other = await createTestForum(test.db, { organiserId: null })
  const stranger = await test.db.insertInto('forum_interviews')
    .values({ forum_id: other.id, company_id: people.companies.opale.id, candidate_id: people.secret.id, table_no: 1, slot_no: 0 })
    .returning('id').executeTakeFirstOrThrow()
  const before = await snapshot()
  expect(await statusOf(() => run(cookies.a, [['intent', 'remove'], ['interviewId', String(stranger.id)]]))).toBe(404)
  expect(await statusOf(() => run(cookies.a, [['intent', 'pin'], ['interviewId', String(stranger.id)]]))).toBe(404)
  expect(await snapshot()).toEqual(before)
  expect(await test.db.selectFrom('forum_interviews').select('pinned').where('id', '=', stranger.id).executeTakeFirst()).toEqual({ pinned: 0 })
})

it('fuzzed planning actions: success or a French 4xx, never an exception, nothing half-saved', async () => {
  const ids = (await interviews()).map((r) => String(r.id))
  const field = fc.constantFrom('intent', 'interviewId', 'autre')
  const value = fc.oneof(
    fc.constantFrom('schedule', 'pin', 'unpin', 'remove', 'PIN', '', ' ', '0', '-1', '1e3', '999999999', 'NaN', ...ids),
    fc.string({ maxLength: 20 }),
    fc.integer({ min: -5, max: 100000 }).map(String),
  )
  await fc.assert(fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 4 }), async (pairs) => {
    const before = await snapshot()
    let result: unknown
    try {
      result = await run(cookies.a, pairs)
    } catch (error) {
      // Only the French 404 of an interview outside the forum may be thrown.
      expect(error).toBeInstanceOf(Response)
      expect((error as Response).status).toBe(404)
      expect(await (error as Response).text()).toContain('Entretien introuvable')
      expect(await snapshot()).toEqual(before)
      return
    }
    if (result instanceof Response) {
      expect(result.status).toBe(302)
      return
    }
    const reply = result as { data: { result: { error?: Record<string, string[] | null> } }; init: ResponseInit }
    expect(reply.init.status).toBe(400)
    const messages = Object.values(reply.data.result.error ?? {}).flat()
    expect(messages.length).toBeGreaterThan(0)
    for (const m of messages) expect(m).toMatch(/Action inconnue|Choisissez un entretien/)
    expect(await snapshot()).toEqual(before)
  }), { numRuns: 80 })
  // Whatever the sequence, the schedule still holds no double booking.
  const rows = await interviews()
  expect(new Set(rows.map((r) => `${r.candidate_id}:${r.slot_no}`)).size).toBe(rows.length)
})

it('a pin the forum can no longer honour (the day was shortened) answers a French 400 and keeps the schedule whole', async () => {
  const late = (await interviews()).find((r) => r.slot_no === 2)!
  await test.db.updateTable('forum_interviews').set({ pinned: 1 }).where('id', '=', late.id).execute()
  await test.db.updateTable('forums').set({ closes_at: '09:40' }).where('id', '=', forumId).execute()
  const before = await snapshot()
  const reply = await run(cookies.a, [['intent', 'schedule']]) as { data: { result: { error?: Record<string, string[] | null> } }; init: ResponseInit }
  expect(reply.init.status).toBe(400)
  expect(reply.data.result.error?.['']).toEqual(['Créneau 2 hors de la journée.'])
  expect(await snapshot()).toEqual(before)
})

import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSession, createUser } from '#db/queries/accounts.ts'
import { createTestForum } from '#db/seed/test-forum.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { sessionCookieHeader } from '../utils/session.server.ts'
import { action, loader } from './recruiter-forum-outcomes.tsx'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let forum: Awaited<ReturnType<typeof createTestForum>>
let cookie: string
let outsiderCookie: string
let candidateCookie: string

async function account(email: string, role: 'recruiter' | 'candidate' | 'organiser', companyId?: number) {
  const user = await createUser(test.db, { email, passwordHash: 'x', displayName: email, role }, new Date())
  if (user === 'email-taken') throw new Error('taken')
  if (companyId) {
    await test.db.insertInto('company_members').values({ company_id: companyId, user_id: user.id, role: 'owner', created_at: new Date().toISOString() }).execute()
  }
  return { id: user.id, cookie: await sessionCookieHeader((await createSession(test.db, user.id, new Date())).token) }
}

beforeAll(async () => {
  test = await createTestDatabase()
  const organiser = await account('orga@exemple.fr', 'organiser')
  // The forum took place two days before "today".
  forum = await createTestForum(test.db, { organiserId: organiser.id, slug: 'forum-passe', date: '2020-03-12' })
  cookie = (await account('rh@exemple.fr', 'recruiter', forum.companies.opale.id)).cookie
  outsiderCookie = (await account('autre@exemple.fr', 'recruiter', forum.companies.data.id)).cookie
  candidateCookie = (await account('c@exemple.fr', 'candidate')).cookie
})
afterAll(() => test.destroy())

type Reply = { data: { interviewId: string; result: { error: Record<string, string[] | null> } }; init: ResponseInit }
function post(pairs: [string, string][], who = cookie) {
  const body = new FormData()
  for (const [k, v] of pairs) body.append(k, v)
  return new Request('http://localhost/recruteur/forums/forum-passe/resultats', { method: 'POST', body, headers: { Cookie: who } })
}
const call = (request: Request, slug = 'forum-passe') =>
  (action({ request, params: { slug }, context: { db: test.db } } as never) as Promise<Response | Reply>).catch((e: unknown) => e as Response)
const outcomes = () => test.db.selectFrom('forum_interviews').select(['id', 'outcome']).orderBy('id').execute()

it('lists only the company’s interviews with consenting candidates, and marks a hire', async () => {
  const page = (await loader({ request: post([]), params: { slug: 'forum-passe' }, context: { db: test.db } } as never))
  expect(page.interviews.map((i) => [i.name, i.time])).toEqual([['Zoé Lefèvre', '09:00–09:20'], ['Léa Martin', '09:00–09:20']])
  const response = (await call(post([['interviewId', String(forum.interviews.zoe.id)], ['outcome', 'hired']]))) as Response
  expect(response.status).toBe(302)
  expect((await outcomes()).find((o) => o.id === forum.interviews.zoe.id)!.outcome).toBe('hired')
})

it('answers 404 for another company’s interview or forum, 403 to a candidate, and changes nothing', async () => {
  const before = await outcomes()
  // An interview of the other company at the same forum.
  expect(((await call(post([['interviewId', String(forum.interviews.formula.id)], ['outcome', 'hired']]))) as Response).status).toBe(404)
  // The unconsenting candidate's interview, though at a forum the company attends.
  expect(((await call(post([['interviewId', String(forum.interviews.secret.id)], ['outcome', 'hired']]))) as Response).status).toBe(404)
  expect(((await call(post([['interviewId', String(forum.interviews.lea.id)], ['outcome', 'hired']], outsiderCookie))) as Response).status).toBe(404)
  expect(((await call(post([['interviewId', String(forum.interviews.lea.id)], ['outcome', 'hired']], candidateCookie))) as Response).status).toBe(403)
  expect(((await call(post([['interviewId', String(forum.interviews.lea.id)], ['outcome', 'hired']]), 'inconnu')) as Response).status).toBe(404)
  expect(await outcomes()).toEqual(before)
})

it('refuses outcomes before the forum day with a French 400', async () => {
  await test.db.updateTable('forums').set({ date: '2999-01-01' }).where('id', '=', forum.forum.id).execute()
  try {
    const reply = (await call(post([['interviewId', String(forum.interviews.lea.id)], ['outcome', 'not_hired']]))) as Reply
    expect(reply.init.status).toBe(400)
    expect(reply.data.result.error['']).toEqual(['Les résultats se saisissent à partir du jour du forum.'])
  } finally {
    await test.db.updateTable('forums').set({ date: '2020-03-12' }).where('id', '=', forum.forum.id).execute()
  }
})

it('fuzzed: a French 400, a 404 for an interview not theirs, or one outcome saved — never an exception', async () => {
  const ids = Object.values(forum.interviews).map((i) => String(i.id))
  const field = fc.constantFrom('interviewId', 'outcome', 'intent')
  const value = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom(...ids, '0', '-1', '1e3', '9007199254740993', 'hired', 'not_hired', 'Embauche', '', ' ', 'x'.repeat(5000)),
  )
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 6 }), async (pairs) => {
      const before = await outcomes()
      const result = await call(post(pairs))
      const after = await outcomes()
      const changed = after.filter((o, i) => o.outcome !== before[i]!.outcome)
      if (result instanceof Response) {
        expect([302, 404]).toContain(result.status)
        if (result.status === 404) {
          expect(await result.text()).toMatch(/^Entretien introuvable/)
          expect(after).toEqual(before)
        } else {
          expect(changed.length).toBeLessThanOrEqual(1)
          // Only the company's own interviews, with consenting candidates, can change.
          for (const o of changed) expect([forum.interviews.zoe.id, forum.interviews.lea.id]).toContain(o.id)
        }
        return
      }
      expect(result.init.status).toBe(400)
      expect(after).toEqual(before)
      const messages = Object.values(result.data.result.error).flat().filter((m): m is string => Boolean(m))
      expect(messages.length).toBeGreaterThan(0)
      for (const message of messages) expect(message).toMatch(/^[A-ZÀ-ÝÉ].*[.:)]$/u)
    }),
    { numRuns: 300 },
  )
})

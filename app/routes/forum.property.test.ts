import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSession } from '#db/queries/accounts.ts'
import { createTestCandidate, createTestCompany } from '#db/seed/index.ts'
import { addTestForumCompany, createTestForum } from '#db/seed/forum-factories.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { sessionCookieHeader } from '../utils/session.server.ts'
import { action } from './forum.tsx'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let cookie = ''
let candidateId = 0
let forum: { id: number; slug: string }
let companyId = 0

beforeAll(async () => {
  test = await createTestDatabase()
  forum = await createTestForum(test.db, { organiserId: null })
  companyId = (await createTestCompany(test.db, { verified_at: new Date().toISOString() })).id
  await addTestForumCompany(test.db, forum.id, companyId, 'accepted')
  candidateId = (await createTestCandidate(test.db)).id
  cookie = await sessionCookieHeader((await createSession(test.db, candidateId, new Date())).token)
})
afterAll(async () => {
  await test.destroy()
})

const state = () => Promise.all([
  test.db.selectFrom('forum_candidates').selectAll().where('candidate_id', '=', candidateId).execute(),
  test.db.selectFrom('forum_wishes').selectAll().where('candidate_id', '=', candidateId).execute(),
])

it('fuzzed registration and wishes: a redirect or a French 4xx with nothing changed, never an exception', async () => {
  const field = fc.constantFrom('intent', 'consent', 'companyIds')
  const value = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('register', 'unregister', 'wishes', 'on', 'off', '', '1', String(companyId), '999999', '-1'),
  )
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 6 }), async (pairs) => {
      const before = await state()
      const body = new FormData()
      for (const [k, v] of pairs) body.append(k, v)
      const request = new Request(`http://localhost/forums/${forum.slug}`, { method: 'POST', body, headers: { Cookie: cookie } })
      const outcome = (await action({ request, params: { slug: forum.slug }, context: { db: test.db } } as never)) as
        | Response
        | { data: { error: string | null; result: { error?: Record<string, string[] | null> } | null }; init: ResponseInit }
      const intents = pairs.filter(([k]) => k === 'intent').map(([, v]) => v)
      if (outcome instanceof Response) {
        expect(outcome.status).toBe(302)
        const [registrations] = await state()
        // A registration through this page always carries the candidate's consent.
        if (intents[0] === 'register') expect(registrations[0]?.consent_at).toEqual(expect.any(String))
        if (intents[0] === 'unregister') expect(registrations).toEqual([])
        return
      }
      expect(outcome.init.status).toBeGreaterThanOrEqual(400)
      expect(outcome.init.status).toBeLessThan(500)
      expect(await state()).toEqual(before)
      const messages = [outcome.data.error, ...Object.values(outcome.data.result?.error ?? {}).flat()].filter((m): m is string => Boolean(m))
      expect(messages.length).toBeGreaterThan(0)
      for (const message of messages) expect(message).toMatch(/^[A-ZÀ-ÝÉ].*[.:)]$/u)
    }),
    { numRuns: 300, examples: [[[['intent', 'register']]], [[['intent', 'register'], ['consent', 'on']]]] },
  )
})

import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestForum } from '#db/seed/forum-factories.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { action as createAction } from './organiser-forum-new.tsx'
import { action as editAction, loader as editLoader } from './organiser-forum.tsx'
import { signedInUser } from '../utils/test-session.server.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
const cookies = { a: '', b: '', recruiter: '' }
let forumSlug = ''

const signedIn = (email: string, role: 'organiser' | 'recruiter') => signedInUser(test.db, { email, role })

beforeAll(async () => {
  test = await createTestDatabase()
  const a = await signedIn('a@orga.fr', 'organiser')
  cookies.a = a.cookie
  cookies.b = (await signedIn('b@orga.fr', 'organiser')).cookie
  cookies.recruiter = (await signedIn('r@x.fr', 'recruiter')).cookie
  forumSlug = (await createTestForum(test.db, { organiserId: a.id, name: 'Forum de A' })).slug
})
afterAll(async () => {
  await test.destroy()
})

const VALID: [string, string][] = [
  ['name', 'Forum de l’alternance du Boulonnais'], ['date', '2027-04-02'], ['communeInsee', '62160'], ['venue', 'Nausicaá, salle des congrès'],
  ['opensAt', '09:00'], ['closesAt', '12:30'], ['slotMinutes', '15'], ['tablesPerCompany', '2'], ['maxInterviewsPerCandidate', '5'],
]
const count = async () => (await test.db.selectFrom('forums').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
const post = (url: string, cookie: string, pairs: [string, string][]) => {
  const body = new FormData()
  for (const [k, v] of pairs) body.append(k, v)
  return new Request(`http://localhost${url}`, { method: 'POST', body, headers: { Cookie: cookie } })
}
type Reply = { data: { error?: Record<string, string[] | null>; result?: { error?: Record<string, string[] | null> } }; init: ResponseInit }

it('another organiser gets a 404 and a recruiter a 403 on a forum, reading or writing', async () => {
  const url = `/organisation/forums/${forumSlug}`
  const statusOf = async (run: () => Promise<unknown>) => {
    try { await run(); return 200 } catch (error) { return (error as Response).status }
  }
  expect(await statusOf(() => editLoader({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookies.b } }), params: { slug: forumSlug }, context: { db: test.db } } as never))).toBe(404)
  expect(await statusOf(() => editAction({ request: post(url, cookies.b, [['intent', 'status'], ['status', 'closed']]), params: { slug: forumSlug }, context: { db: test.db } } as never))).toBe(404)
  expect(await statusOf(() => editLoader({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookies.recruiter } }), params: { slug: forumSlug }, context: { db: test.db } } as never))).toBe(403)
  expect(await test.db.selectFrom('forums').select('status').where('slug', '=', forumSlug).executeTakeFirst()).toEqual({ status: 'open' })
})

it('fuzzed forum form: a French 400 or a new draft forum, never an exception nor a half-saved forum', async () => {
  const field = fc.constantFrom(...VALID.map(([k]) => k))
  const value = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.integer({ min: -10, max: 200 }).map(String),
    fc.constantFrom('', '24:00', '08:59', '17:00', '9:00', '2027-02-30', '2027-02-28', '62193', '00000', '5', '121', '0', '50', '51',
      '1.5', 'x'.repeat(300)),
  )
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 8 }), fc.boolean(), async (pairs, startValid) => {
      const before = await count()
      const outcome = (await createAction({
        request: post('/organisation/forums/nouveau', cookies.a, startValid ? [...VALID, ...pairs] : pairs),
        params: {}, context: { db: test.db },
      } as never)) as Response | Reply
      if (outcome instanceof Response) {
        expect(outcome.status).toBe(302)
        expect(await count()).toBe(before + 1)
        return
      }
      expect(outcome.init.status).toBe(400)
      expect(await count()).toBe(before)
      const messages = Object.values(outcome.data.error ?? {}).flat().filter((m): m is string => Boolean(m))
      expect(messages.length).toBeGreaterThan(0)
      for (const message of messages) expect(message).toMatch(/^[A-ZÀ-ÝÉ].*[.:)]$/u)
    }),
    { numRuns: 300, examples: [[[], true]] },
  )
})

it('fuzzed edit form: the forum changes whole or not at all', async () => {
  const field = fc.constantFrom(...VALID.map(([k]) => k))
  const value = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', '25:00', '10:00', '62193', '3', '200', '2027-13-01'))
  const snapshot = () => test.db.selectFrom('forums').selectAll().where('slug', '=', forumSlug).executeTakeFirstOrThrow()
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { minLength: 1, maxLength: 6 }), async (pairs) => {
      const before = await snapshot()
      const outcome = (await editAction({
        request: post(`/organisation/forums/${forumSlug}`, cookies.a, [['intent', 'save'], ...VALID, ...pairs]),
        params: { slug: forumSlug }, context: { db: test.db },
      } as never)) as Response | Reply
      if (outcome instanceof Response) {
        expect(outcome.status).toBe(302)
        return
      }
      expect(outcome.init.status).toBe(400)
      expect(await snapshot()).toEqual(before)
      expect(Object.values(outcome.data.result?.error ?? {}).flat().filter(Boolean).length).toBeGreaterThan(0)
    }),
    { numRuns: 150 },
  )
})

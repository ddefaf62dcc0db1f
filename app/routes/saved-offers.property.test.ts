import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestApplication, createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { addTestForumCandidate, addTestForumCompany, createTestForum } from '#db/seed/forum-factories.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { sessionCookieFor, signedInUser } from '../utils/test-session.server.ts'
import { action as saveAction } from './offer-save.ts'
import { action as withdrawAction } from './candidate-applications.tsx'
import { action as programmesAction } from './organiser-forum-programmes.tsx'
import type { Mail } from '../utils/mail.server.ts'

/** The new candidate forms (save an offer, withdraw an application) and the organiser's programme mails, fuzzed. */
let test: Awaited<ReturnType<typeof createTestDatabase>>
let companyId: number
let candidate: { id: number; cookie: string }
let other: { id: number; cookie: string }
const sent: Mail[] = []
// A recording mailer (no SMTP here): e2e/keep-and-return.spec.ts sends programmes through the real SMTP server.
const mailer = { async send(mail: Mail) { sent.push(mail) } }

beforeAll(async () => {
  test = await createTestDatabase()
  companyId = (await createTestCompany(test.db, { name: 'Wimereux Web' })).id
  const c = await createTestCandidate(test.db)
  candidate = { id: c.id, cookie: await sessionCookieFor(test.db, c.id) }
  const o = await createTestCandidate(test.db)
  other = { id: o.id, cookie: await sessionCookieFor(test.db, o.id) }
})
afterAll(async () => {
  await test.destroy()
})

type Outcome = Response | { data: unknown; init: ResponseInit | null } | { saved: boolean; error: null }
function call(fn: (args: never) => unknown, url: string, params: Record<string, string>, cookie: string, pairs: [string, string][]) {
  const body = new FormData()
  for (const [k, v] of pairs) body.append(k, v)
  const request = new Request(`http://localhost${url}`, { method: 'POST', body, headers: cookie ? { Cookie: cookie } : {} })
  return (Promise.resolve(fn({ request, params, context: { db: test.db, mailer, publicUrl: 'http://localhost' } } as never)) as Promise<Outcome>)
    .catch((e: unknown) => e as Response)
}
const statusOf = (o: Outcome) => (o instanceof Response ? o.status : 'init' in o ? (o.init?.status ?? 200) : 200)
const snapshot = () => Promise.all([
  test.db.selectFrom('saved_offers').selectAll().orderBy('user_id').orderBy('offer_id').execute(),
  test.db.selectFrom('applications').select(['id', 'candidate_id', 'withdrawn_at', 'stage']).orderBy('id').execute(),
])

const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', 'save', 'unsave', 'withdraw', 'send', '1', '-1', '0', '9007199254740993', '//evil.example', '/\t/evil.example',
    'https://evil.example', '/offres?q=x', '<script>'),
)
const field = fc.constantFrom('intent', 'redirectTo', 'fetcher', 'applicationId', 'offerId', 'candidateId')

it('saving: fuzzed forms give a 4xx or save/unsave only the candidate’s own row, and never redirect off the site', async () => {
  const offer = await createTestOffer(test.db, { companyId })
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 4 }), fc.boolean(), async (pairs, asOther) => {
      const before = await snapshot()
      const who = asOther ? other : candidate
      const outcome = await call(saveAction as never, `/offres/${offer.slug}/sauvegarder`, { slug: offer.slug }, who.cookie, pairs)
      const status = statusOf(outcome)
      const after = await snapshot()
      expect(after[1]).toEqual(before[1])
      // Only the poster's own saved rows may change.
      expect(after[0].filter((r) => r.user_id !== who.id)).toEqual(before[0].filter((r) => r.user_id !== who.id))
      if (status === 302) {
        expect((outcome as Response).headers.get('Location')).toMatch(/^\/(?!\/)/)
      } else if (status !== 200) {
        expect(status).toBeGreaterThanOrEqual(400)
        expect(status).toBeLessThan(500)
        expect(after).toEqual(before)
      }
    }),
    { numRuns: 150 },
  )
  // A redirect goes back where the form was, with the flash; an outside address falls back to the offer.
  const back = (await call(saveAction as never, '/x', { slug: offer.slug }, candidate.cookie, [['intent', 'save'], ['redirectTo', '/offres?q=web']])) as Response
  expect(back.headers.get('Location')).toBe('/offres?q=web&fait=sauvegardee')
  const evil = (await call(saveAction as never, '/x', { slug: offer.slug }, candidate.cookie, [['intent', 'save'], ['redirectTo', '//evil.example']])) as Response
  expect(evil.headers.get('Location')).toBe(`/offres/${offer.slug}?fait=sauvegardee`)
  const anonymous = (await call(saveAction as never, '/x', { slug: offer.slug }, '', [['intent', 'save']])) as Response
  expect(anonymous.headers.get('Location')).toMatch(/^\/connexion\?redirectTo=/)
})

it('withdrawing: fuzzed forms give a 4xx or withdraw one of the candidate’s own applications, never someone else’s', async () => {
  const offers = await Promise.all([1, 2, 3].map(() => createTestOffer(test.db, { companyId })))
  const mine = await Promise.all(offers.map((o) => createTestApplication(test.db, { offerId: o.id, candidateId: candidate.id })))
  const theirs = await createTestApplication(test.db, { offerId: offers[0]!.id, candidateId: other.id })
  const ids = fc.constantFrom(...[...mine, theirs].map((a) => String(a.id)))
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, fc.oneof(value, ids)), { maxLength: 4 }), async (pairs) => {
      const before = await snapshot()
      const outcome = await call(withdrawAction as never, '/candidat/candidatures', {}, candidate.cookie, pairs)
      const after = await snapshot()
      const changed = after[1].filter((a, i) => a.withdrawn_at !== before[1][i]!.withdrawn_at)
      if (statusOf(outcome) === 302) {
        expect(changed).toHaveLength(1)
        expect(changed[0]!.candidate_id).toBe(candidate.id)
      } else {
        expect(statusOf(outcome)).toBeGreaterThanOrEqual(400)
        expect(statusOf(outcome)).toBeLessThan(500)
        expect(changed).toEqual([])
      }
      expect(after[1].find((a) => a.id === theirs.id)?.withdrawn_at).toBeNull()
    }),
    { numRuns: 100 },
  )
})

it('programme mails: fuzzed forms give a 4xx or send each programme once; another organiser finds no forum', async () => {
  const organiser = await signedInUser(test.db, { email: 'orga@exemple.fr', role: 'organiser' })
  const intruder = await signedInUser(test.db, { email: 'autre-orga@exemple.fr', role: 'organiser' })
  const forum = await createTestForum(test.db, { organiserId: organiser.id })
  await addTestForumCompany(test.db, forum.id, companyId, 'accepted')
  await addTestForumCandidate(test.db, forum.id, candidate.id)
  await test.db.insertInto('forum_interviews').values({ forum_id: forum.id, company_id: companyId, candidate_id: candidate.id, table_no: 1, slot_no: 0 }).execute()
  const url = `/organisation/forums/${forum.slug}/programmes`
  const refused = await call(programmesAction as never, url, { slug: forum.slug }, intruder.cookie, [['intent', 'send']])
  expect(statusOf(refused)).toBe(404)
  expect(sent).toEqual([])
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 3 }), async (pairs) => {
      const outcome = await call(programmesAction as never, url, { slug: forum.slug }, organiser.cookie, pairs)
      const status = statusOf(outcome)
      if (status !== 302) {
        expect(status).toBeGreaterThanOrEqual(400)
        expect(status).toBeLessThan(500)
      }
    }),
    { numRuns: 60 },
  )
  // However often it was sent, the candidate got their programme once (the company has no member here).
  expect(sent.filter((m) => m.subject.startsWith('Votre programme'))).toHaveLength(sent.length > 0 ? 1 : 0)
  await call(programmesAction as never, url, { slug: forum.slug }, organiser.cookie, [['intent', 'send']])
  expect(sent).toHaveLength(1)
})

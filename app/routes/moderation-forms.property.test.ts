import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSession, createUser } from '#db/queries/accounts.ts'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import type { Mail } from '../utils/mail.server.ts'
import { sessionCookieHeader } from '../utils/session.server.ts'
import { action as decideAction } from './admin-offer.tsx'
import { action as reportAction } from './offer-report.tsx'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let adminCookie: string
let companyId: number
// Stub mailer: these runs exercise validation; delivery is proven by the browser journey's real SMTP server.
const sent: Mail[] = []
const context = (clientIp = '10.1.1.1') => ({
  db: test.db,
  mailer: { send: async (mail: Mail) => void sent.push(mail) },
  publicUrl: 'http://localhost:3000',
  clientIp,
})

beforeAll(async () => {
  test = await createTestDatabase()
  companyId = (await createTestCompany(test.db, { name: 'Modérée' })).id
  const admin = await createUser(test.db, { email: 'admin@exemple.fr', passwordHash: 'x', displayName: 'Admin', role: 'admin' }, new Date())
  if (admin === 'email-taken') throw new Error('taken')
  adminCookie = await sessionCookieHeader((await createSession(test.db, admin.id, new Date())).token)
  const recruiter = await createUser(test.db, { email: 'rh@modere.fr', passwordHash: 'x', displayName: 'Rh', role: 'recruiter' }, new Date())
  if (recruiter === 'email-taken') throw new Error('taken')
  await test.db.insertInto('company_members').values({ company_id: companyId, user_id: recruiter.id, role: 'owner', created_at: new Date().toISOString() }).execute()
})
afterAll(async () => {
  await test.destroy()
})

const value = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', 'reject', 'approve', 'fraud', 'other', 'outdated', ' '.repeat(20), 'x'.repeat(2500), '=HYPERLINK("x")'),
)
const pairs = (fields: string[]) => fc.array(fc.tuple(fc.constantFrom(...fields), value), { maxLength: 6 })
const post = (url: string, entries: [string, string][], cookie?: string) => {
  const body = new FormData()
  for (const [k, v] of entries) body.append(k, v)
  return new Request(url, { method: 'POST', body, headers: cookie ? { Cookie: cookie } : {} })
}
type Outcome = Response | { data: { result: { error?: Record<string, string[] | null> } | null; error?: string | null }; init: ResponseInit | null }
function frenchErrors(outcome: Exclude<Outcome, Response>): string[] {
  const messages = Object.values(outcome.data.result?.error ?? {}).flat().filter((m): m is string => Boolean(m))
  return outcome.data.error ? [...messages, outcome.data.error] : messages
}

it('fuzzed moderation decisions: a French 400 leaves the offer pending; a decision is mailed and final', async () => {
  await fc.assert(
    fc.asyncProperty(pairs(['intent', 'reason']), async (entries) => {
      const offer = await createTestOffer(test.db, { companyId, title: 'Offre à modérer', status: 'pending' })
      sent.length = 0
      const outcome = (await decideAction({
        request: post(`http://localhost/admin/offres/${offer.id}`, entries, adminCookie),
        params: { id: String(offer.id) },
        context: context(),
      } as never)) as Outcome
      const row = await test.db.selectFrom('offers').select(['status', 'moderation_note']).where('id', '=', offer.id).executeTakeFirstOrThrow()
      if (outcome instanceof Response) {
        expect(outcome.status).toBe(302)
        expect(['published', 'draft']).toContain(row.status)
        expect(sent).toHaveLength(1)
        expect(sent[0]!.to).toBe('rh@modere.fr')
        if (row.status === 'draft') expect(sent[0]!.text).toContain(row.moderation_note!)
        return
      }
      expect(outcome.init?.status).toBe(400)
      expect(row).toEqual({ status: 'pending', moderation_note: null })
      expect(sent).toHaveLength(0)
      const errors = frenchErrors(outcome)
      expect(errors.length).toBeGreaterThan(0)
      for (const message of errors) expect(message).toMatch(/^[A-ZÀ-Ý].*[.:)]$/u)
    }),
    { numRuns: 150 },
  )
})

it('fuzzed reports: a French 400, or exactly one report saved; anyone may report, within a rate limit', async () => {
  const offer = await createTestOffer(test.db, { companyId, title: 'Offre signalable' })
  const reports = async () => (await test.db.selectFrom('offer_reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
  let ip = 0
  await fc.assert(
    fc.asyncProperty(pairs(['reason', 'message']), async (entries) => {
      const before = await reports()
      const outcome = (await reportAction({
        request: post(`http://localhost/offres/${offer.slug}/signaler`, entries),
        params: { slug: offer.slug },
        context: context(`10.2.${Math.floor(ip / 250)}.${ip++ % 250}`),
      } as never)) as Outcome
      expect(outcome).not.toBeInstanceOf(Response)
      const answer = outcome as Exclude<Outcome, Response>
      if ((answer.init?.status ?? 200) === 200) {
        expect(await reports()).toBe(before + 1)
        return
      }
      expect(answer.init?.status).toBe(400)
      expect(await reports()).toBe(before)
      for (const message of frenchErrors(answer)) expect(message).toMatch(/^[A-ZÀ-Ý].*[.:)]$/u)
    }),
    { numRuns: 200 },
  )
  // The eleventh report within the hour from one address is refused with 429 and a French message.
  const valid: [string, string][] = [['reason', 'fraud']]
  for (let i = 0; i < 10; i++) {
    await reportAction({ request: post('http://localhost/x', valid), params: { slug: offer.slug }, context: context('10.9.9.9') } as never)
  }
  const before = await reports()
  const blocked = (await reportAction({ request: post('http://localhost/x', valid), params: { slug: offer.slug }, context: context('10.9.9.9') } as never)) as Exclude<Outcome, Response>
  expect(blocked.init?.status).toBe(429)
  expect(frenchErrors(blocked).join()).toMatch(/Trop de signalements/)
  expect(await reports()).toBe(before)
})

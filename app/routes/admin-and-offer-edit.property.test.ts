import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSession, createUser } from '#db/queries/accounts.ts'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import type { Mail } from '../utils/mail.server.ts'
import { sessionCookieHeader } from '../utils/session.server.ts'
import { action as verifyAction } from './admin-companies.tsx'
import { action as reportsAction } from './admin-reports.tsx'
import { action as editAction } from './recruiter-offer-edit.tsx'

let test: Awaited<ReturnType<typeof createTestDatabase>>
const cookies = { admin: '', recruiter: '' }
let offerId: number
let companyId: number
// Stub mailer: these runs exercise validation; delivery is proven by the browser journeys' real SMTP server.
const sent: Mail[] = []
const context = () => ({ db: test.db, mailer: { send: async (m: Mail) => void sent.push(m) }, publicUrl: 'http://localhost:3000', clientIp: '10.0.0.1' })

beforeAll(async () => {
  test = await createTestDatabase()
  const company = await createTestCompany(test.db, { name: 'Flou Artistique' })
  companyId = company.id
  offerId = (await createTestOffer(test.db, { companyId, title: 'Offre à modifier', status: 'draft' })).id
  for (const role of ['admin', 'recruiter'] as const) {
    const user = await createUser(test.db, { email: `${role}@exemple.fr`, passwordHash: 'x', displayName: role, role }, new Date())
    if (user === 'email-taken') throw new Error('taken')
    if (role === 'recruiter') {
      await test.db.insertInto('company_members').values({ company_id: companyId, user_id: user.id, role: 'owner', created_at: new Date().toISOString() }).execute()
    }
    cookies[role] = await sessionCookieHeader((await createSession(test.db, user.id, new Date())).token)
  }
})
afterAll(async () => {
  await test.destroy()
})

const value = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer({ min: -5, max: 1_000_000 }).map(String),
  fc.constantFrom('', 'verify', 'dismiss', 'close-offer', 'save', 'publish', 'close', 'duplicate', '1', '0', '-1', 'NaN', '9'.repeat(30)),
)
const post = (pairs: [string, string][], cookie: string) => {
  const body = new FormData()
  for (const [k, v] of pairs) body.append(k, v)
  return new Request('http://localhost/formulaire', { method: 'POST', body, headers: { Cookie: cookie } })
}
type Outcome = Response | { data: { error?: string | Record<string, string[] | null> }; init: ResponseInit | null }
const statusOf = (o: Outcome) => (o instanceof Response ? o.status : o.init?.status ?? 200)
const snapshot = async () => ({
  offers: await test.db.selectFrom('offers').select(['id', 'title', 'status', 'updated_at']).orderBy('id').execute(),
  companies: await test.db.selectFrom('companies').select(['id', 'verified_at']).orderBy('id').execute(),
  reports: await test.db.selectFrom('offer_reports').select(['id', 'resolved_at']).orderBy('id').execute(),
})

it('fuzzed admin decisions on companies and reports: a French 4xx changes nothing; a redirect is one decision', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('verify', 'reports'), fc.array(fc.tuple(fc.constantFrom('intent', 'companyId', 'reportId'), value), { maxLength: 5 }), async (which, pairs) => {
      const before = await snapshot()
      const act = which === 'verify' ? verifyAction : reportsAction
      const outcome = (await act({ request: post(pairs, cookies.admin), params: {}, context: context() } as never)) as Outcome
      const status = statusOf(outcome)
      if (status === 302) return
      expect([400, 404]).toContain(status)
      expect(await snapshot()).toEqual(before)
      const message = (outcome as { data: { error: string } }).data.error
      expect(message).toMatch(/^[A-ZÀ-Ý].*\.$/u)
    }),
    { numRuns: 200 },
  )
})

it('fuzzed edits of an offer: a French 400 leaves the saved offer exactly as it was', async () => {
  const field = fc.constantFrom('intent', 'title', 'descriptionMd', 'communeInsee', 'contractType', 'remotePolicy', 'experienceLevel',
    'salaryMin', 'salaryMax', 'salaryPeriod', 'startDate', 'requiredSkills')
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 8 }), async (pairs) => {
      const before = await snapshot()
      const outcome = (await editAction({ request: post(pairs, cookies.recruiter), params: { id: String(offerId) }, context: context() } as never)) as Outcome
      const status = statusOf(outcome)
      if (status === 302) return
      expect(status).toBe(400)
      expect(await snapshot()).toEqual(before)
      const errors = Object.values((outcome as { data: { error: Record<string, string[] | null> } }).data.error ?? {}).flat().filter(Boolean)
      expect(errors.length).toBeGreaterThan(0)
    }),
    { numRuns: 200 },
  )
})

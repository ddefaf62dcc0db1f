import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSession, createUser } from '#db/queries/accounts.ts'
import { createTestCompany } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { sessionCookieHeader } from '../utils/session.server.ts'
import { action, loader } from './recruiter-offer-import.tsx'

// Fuzzed import form: any page, pasted or as an address, gets a French message and a 4xx, or an
// import of whole offers; never a 500, never an offer written by a preview.
let test: Awaited<ReturnType<typeof createTestDatabase>>
let cookie = ''
const SLUG = 'opale-fuzz'

beforeAll(async () => {
  test = await createTestDatabase()
  const company = await createTestCompany(test.db, { name: 'Opale Fuzz', slug: SLUG })
  await test.db.updateTable('companies').set({ verified_at: new Date().toISOString() }).where('id', '=', company.id).execute()
  const user = await createUser(test.db, { email: 'rh@fuzz.fr', passwordHash: 'x', displayName: 'RH', role: 'recruiter' }, new Date())
  if (user === 'email-taken') throw new Error('taken')
  await test.db.insertInto('company_members').values({ company_id: company.id, user_id: user.id, role: 'owner', created_at: new Date().toISOString() }).execute()
  cookie = await sessionCookieHeader((await createSession(test.db, user.id, new Date())).token)
})
afterAll(async () => {
  await test.destroy()
})

const offers = () => test.db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).where('source', '=', 'jsonld').executeTakeFirstOrThrow().then((r) => r.n)
type Outcome = Response | { data: { error: string | null }; init?: ResponseInit } | { error: string | null }

async function post(fields: Record<string, string>): Promise<Outcome> {
  const request = new Request(`http://localhost/recruteur/entreprises/${SLUG}/import`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { Cookie: cookie, 'content-type': 'application/x-www-form-urlencoded' },
  })
  try {
    return (await action({ request, params: { slug: SLUG }, context: { db: test.db } } as never)) as Outcome
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

const posting = fc.record({
  '@type': fc.constantFrom('JobPosting', 'Organization', ['JobPosting']),
  title: fc.oneof(fc.constantFrom('Développeur Go', '', '  '), fc.string({ maxLength: 20 })),
  description: fc.oneof(fc.constant('<p>Équipe &amp; produit</p>'), fc.string({ maxLength: 30 })),
  datePosted: fc.constantFrom('2026-11-30', 'hier', '2026-13-45'),
  validThrough: fc.constantFrom('2099-01-01', '2001-01-01', undefined),
  employmentType: fc.constantFrom('FULL_TIME', 'CDI', 'VOLUNTEER', ['INTERN'], 42),
  identifier: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constant({ value: 7 })),
  jobLocation: fc.constantFrom({ address: { postalCode: '62100' } }, { address: { postalCode: '00000' } }, undefined, 'Calais'),
  baseSalary: fc.constantFrom(undefined, { currency: 'EUR', value: { minValue: 30000, maxValue: 20000, unitText: 'YEAR' } }, { value: 'beaucoup' }),
}, { requiredKeys: ['@type'] })
const html = fc.oneof(
  fc.array(posting, { maxLength: 4 }).map((list) => `<script type="application/ld+json">${JSON.stringify({ '@graph': list })}</script>`),
  fc.string({ maxLength: 200 }),
  fc.constant('<script type="application/ld+json">{"@type":</script>'),
)

it('fuzzed career pages: a French message with a 4xx, a preview that writes nothing, or whole offers imported', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('apercu', 'importer', 'autre'), html, fc.option(fc.constantFrom('http://127.0.0.1/x', 'ftp://x', 'pas une adresse', 'http://10.0.0.1/')), async (intent, page, url) => {
      const before = await offers()
      const outcome = await post(url ? { intent, url } : { intent, html: page })
      if (outcome instanceof Response) {
        expect([302, 400, 403, 404]).toContain(outcome.status)
        if (outcome.status !== 302) expect(await offers()).toBe(before)
        return
      }
      if ('init' in outcome) {
        expect(outcome.init?.status).toBe(400)
        expect(outcome.data.error).toMatch(/[a-zé]/)
        expect(await offers()).toBe(before)
        return
      }
      // A preview: nothing written.
      expect(intent).toBe('apercu')
      expect(await offers()).toBe(before)
    }),
    { numRuns: 60, seed: 14 },
  )
})

it('opens for the company’s recruiters and the admins, 404 for another company’s recruiter', async () => {
  const at = new Date()
  const admin = await createUser(test.db, { email: 'admin@fuzz.fr', passwordHash: 'x', displayName: 'Admin', role: 'admin' }, at)
  const outsider = await createUser(test.db, { email: 'autre@fuzz.fr', passwordHash: 'x', displayName: 'Autre', role: 'recruiter' }, at)
  if (admin === 'email-taken' || outsider === 'email-taken') throw new Error('taken')
  const load = async (userId: number) => {
    const headers = { Cookie: await sessionCookieHeader((await createSession(test.db, userId, at)).token) }
    const request = new Request(`http://localhost/recruteur/entreprises/${SLUG}/import`, { headers })
    return loader({ request, params: { slug: SLUG }, context: { db: test.db } } as never).catch((thrown: unknown) => thrown)
  }
  expect(((await load(admin.id)) as { company: { slug: string } }).company.slug).toBe(SLUG)
  expect(((await load(outsider.id)) as Response).status).toBe(404)
})

import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSession, createUser } from '#db/queries/accounts.ts'
import { createTestCompany } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { sessionCookieHeader } from '../utils/session.server.ts'
import { action } from './recruiter-offer-new.tsx'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let cookie: string

beforeAll(async () => {
  test = await createTestDatabase()
  const company = await createTestCompany(test.db, { name: 'Opale Balises', slug: 'opale-balises' })
  const user = await createUser(test.db, { email: 'r@exemple.fr', passwordHash: 'x', displayName: 'R', role: 'recruiter' }, new Date())
  if (user === 'email-taken') throw new Error('taken')
  await test.db.insertInto('company_members').values({ company_id: company.id, user_id: user.id, role: 'owner', created_at: new Date().toISOString() }).execute()
  cookie = await sessionCookieHeader((await createSession(test.db, user.id, new Date())).token)
})
afterAll(async () => {
  await test.destroy()
})

const VALID: [string, string][] = [
  ['title', 'Technicien·ne réseaux'],
  ['descriptionMd', 'Vous installerez et maintiendrez les réseaux de nos clients du Calaisis, en équipe.'],
  ['communeInsee', '62193'],
  ['contractType', 'alternance'],
  ['remotePolicy', 'on_site'],
  ['experienceLevel', 'entry'],
  ['requiredSkills', 'reseaux'],
]
const offers = async () => (await test.db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n

it('fuzzed: a French 400 or a new draft, never an exception nor a half-saved offer', async () => {
  const field = fc.constantFrom(
    'title', 'descriptionMd', 'communeInsee', 'contractType', 'remotePolicy', 'experienceLevel',
    'salaryMin', 'salaryMax', 'salaryPeriod', 'startDate', 'requiredSkills', 'niceToHaveSkills',
  )
  const value = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.integer({ min: -10, max: 2_000_000 }).map(String),
    fc.constantFrom('', 'cdi', 'year', 'month', '2027-01-15', '2027-02-30', '62193', '00000', 'react', 'inconnue', '<script>', 'x'.repeat(12_000)),
  )
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 10 }), fc.boolean(), async (pairs, startValid) => {
      const before = await offers()
      const body = new FormData()
      for (const [k, v] of startValid ? [...VALID, ...pairs] : pairs) body.append(k, v)
      const request = new Request('http://localhost/recruteur/entreprises/opale-balises/offres/nouvelle', {
        method: 'POST', body, headers: { Cookie: cookie },
      })
      const outcome = (await action({ request, params: { slug: 'opale-balises' }, context: { db: test.db } } as never)) as
        | Response
        | { data: { error: Record<string, string[] | null> }; init: ResponseInit }
      if (outcome instanceof Response) {
        expect(outcome.status).toBe(302)
        expect(await offers()).toBe(before + 1)
        return
      }
      expect(outcome.init.status).toBe(400)
      expect(await offers()).toBe(before)
      const messages = Object.values(outcome.data.error).flat().filter((m): m is string => Boolean(m))
      expect(messages.length).toBeGreaterThan(0)
      for (const message of messages) expect(message).toMatch(/^[A-ZÀ-ÝÉ].*[.:)]$/u)
    }),
    { numRuns: 300, examples: [[VALID.slice(0, 0), true]] },
  )
})

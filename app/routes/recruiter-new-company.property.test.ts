import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestDatabase } from '#db/test-database.ts'
import { action } from './recruiter-new-company.tsx'
import { signedInUser } from '../utils/test-session.server.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let recruiterCookie: string
let candidateCookie: string

const cookieFor = async (email: string, role: 'recruiter' | 'candidate') => (await signedInUser(test.db, { email, role })).cookie

beforeAll(async () => {
  test = await createTestDatabase()
  recruiterCookie = await cookieFor('recruteuse@exemple.fr', 'recruiter')
  candidateCookie = await cookieFor('candidat@exemple.fr', 'candidate')
})
afterAll(async () => {
  await test.destroy()
})

const VALID: [string, string][] = [
  ['name', 'Opale Numérique'],
  ['siren', '216 201 939'],
  ['nafCode', '62.01Z'],
  ['sizeBand', '10-49'],
  ['communeInsee', '62193'],
  ['description', 'Nous développons des applications web pour les ports du littoral.'],
]
const post = (pairs: [string, string][], cookie: string) => {
  const body = new FormData()
  for (const [k, v] of pairs) body.append(k, v)
  return new Request('http://localhost/recruteur/entreprises/nouvelle', { method: 'POST', body, headers: { Cookie: cookie } })
}
const companies = async () =>
  (await test.db.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
const call = (request: Request) => action({ request, context: { db: test.db }, params: {} } as never) as Promise<unknown>

it('creates the company with a valid SIREN and makes the recruiter its owner', async () => {
  const outcome = await call(post(VALID, recruiterCookie))
  expect(outcome).toBeInstanceOf(Response)
  expect((outcome as Response).headers.get('Location')).toBe('/entreprises/opale-numerique?fait=entreprise-creee')
  const member = await test.db
    .selectFrom('company_members as m')
    .innerJoin('companies as c', 'c.id', 'm.company_id')
    .select(['m.role', 'c.siren'])
    .where('c.slug', '=', 'opale-numerique')
    .executeTakeFirstOrThrow()
  expect(member).toEqual({ role: 'owner', siren: '216201939' })
})

it('refuses a SIREN whose Luhn key is wrong, in French', async () => {
  const outcome = (await call(post(VALID.map(([k, v]) => [k, k === 'siren' ? '216201938' : v]), recruiterCookie))) as {
    data: { error: Record<string, string[]> }
    init: ResponseInit
  }
  expect(outcome.init.status).toBe(400)
  expect(outcome.data.error.siren).toEqual(['Ce numéro ne passe pas le contrôle de l’INSEE (clé de Luhn) : vérifiez-le.'])
})

it('answers 403 to a candidate and creates nothing', async () => {
  const before = await companies()
  const thrown = await call(post(VALID, candidateCookie)).catch((e: unknown) => e)
  expect(thrown).toBeInstanceOf(Response)
  expect((thrown as Response).status).toBe(403)
  expect(await companies()).toBe(before)
})

it('fuzzed: a French 400 or a new company, never an exception nor a half-created company', async () => {
  const field = fc.constantFrom('name', 'siren', 'nafCode', 'sizeBand', 'clusterSlug', 'communeInsee', 'website', 'description')
  const value = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('', '62.01Z', '10-49', '62193', '99999', '216201939', 'javascript:alert(1)', 'https://exemple.fr', 'x'.repeat(4000)),
  )
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 10 }), fc.boolean(), async (pairs, startValid) => {
      const before = await companies()
      const outcome = (await call(post(startValid ? [...VALID, ...pairs] : pairs, recruiterCookie))) as
        | Response
        | { data: { error: Record<string, string[] | null> }; init: ResponseInit }
      if (outcome instanceof Response) {
        expect(outcome.status).toBe(302)
        expect(await companies()).toBe(before + 1)
        return
      }
      expect(outcome.init.status).toBe(400)
      expect(await companies()).toBe(before)
      const messages = Object.values(outcome.data.error).flat().filter((m): m is string => Boolean(m))
      expect(messages.length).toBeGreaterThan(0)
      for (const message of messages) expect(message).toMatch(/^[A-ZÀ-Ý].*[.:)]$/u)
    }),
    { numRuns: 300 },
  )
})

import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createUser } from '#db/queries/accounts.ts'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { action, loader } from './offer-apply.tsx'
import { sessionCookieFor } from '../utils/test-session.server.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let companyId: number
const cookies = { candidate: '', noProfile: '', recruiter: '' }

const cookieFor = (userId: number) => sessionCookieFor(test.db, userId)

beforeAll(async () => {
  test = await createTestDatabase()
  companyId = (await createTestCompany(test.db, { name: 'Baie Logicielle' })).id
  cookies.candidate = await cookieFor((await createTestCandidate(test.db)).id)
  const bare = await createUser(test.db, { email: 'nu@exemple.fr', passwordHash: 'x', displayName: 'N', role: 'candidate' }, new Date())
  const recruiter = await createUser(test.db, { email: 'r@exemple.fr', passwordHash: 'x', displayName: 'R', role: 'recruiter' }, new Date())
  if (bare === 'email-taken' || recruiter === 'email-taken') throw new Error('taken')
  cookies.noProfile = await cookieFor(bare.id)
  cookies.recruiter = await cookieFor(recruiter.id)
})
afterAll(async () => {
  await test.destroy()
})

type Reply = { data: { error: Record<string, string[] | null> | null }; init: ResponseInit }
const applications = async () => test.db.selectFrom('applications').selectAll().orderBy('id').execute()

async function post(slug: string, cookie: string, pairs: [string, string][]) {
  const body = new FormData()
  for (const [k, v] of pairs) body.append(k, v)
  const request = new Request(`http://localhost/offres/${slug}/postuler`, { method: 'POST', body, headers: cookie ? { Cookie: cookie } : {} })
  return (action({ request, params: { slug }, context: { db: test.db } } as never) as Promise<Response | Reply>).catch((e: unknown) => e as Response)
}
const get = (slug: string, cookie: string) =>
  (loader({ request: new Request(`http://localhost/offres/${slug}/postuler`, { headers: cookie ? { Cookie: cookie } : {} }), params: { slug },
    context: { db: test.db } } as never) as Promise<{ state: string; loginUrl?: string }>).catch((e: unknown) => e as Response)

it('applies once; the second time is a French 409 and nothing more is written', async () => {
  const offer = await createTestOffer(test.db, { companyId, title: 'Intégrateur·rice web' })
  expect(await get(offer.slug, cookies.candidate)).toMatchObject({ state: 'ready' })
  const first = (await post(offer.slug, cookies.candidate, [['message', 'Bonjour !']])) as Response
  expect(first.status).toBe(302)
  expect(first.headers.get('Location')).toBe('/candidat/candidatures?fait=envoyee')
  const before = await applications()
  const again = (await post(offer.slug, cookies.candidate, [['message', 'Encore']])) as Reply
  expect(again.init.status).toBe(409)
  expect(again.data.error?.['']).toEqual(['Vous avez déjà postulé à cette offre.'])
  expect(await applications()).toEqual(before)
  expect(await get(offer.slug, cookies.candidate)).toMatchObject({ state: 'applied' })
})

it('visitors see a login link and are sent to log in when posting; recruiters are refused; unpublished offers are not found', async () => {
  const offer = await createTestOffer(test.db, { companyId })
  expect(await get(offer.slug, '')).toMatchObject({ state: 'anonymous', loginUrl: `/connexion?redirectTo=%2Foffres%2F${offer.slug}%2Fpostuler` })
  const anonymous = (await post(offer.slug, '', [])) as Response
  expect(anonymous.status).toBe(302)
  expect(anonymous.headers.get('Location')).toMatch(/^\/connexion\?redirectTo=/)
  expect(((await get(offer.slug, cookies.recruiter)) as Response).status).toBe(403)
  expect(((await post(offer.slug, cookies.recruiter, [])) as Response).status).toBe(403)
  const draft = await createTestOffer(test.db, { companyId, status: 'draft' })
  expect(((await post(draft.slug, cookies.candidate, [])) as Response).status).toBe(404)
  expect(((await get(draft.slug, cookies.candidate)) as Response).status).toBe(404)
  expect(await get(offer.slug, cookies.noProfile)).toMatchObject({ state: 'no-profile' })
  const noProfile = (await post(offer.slug, cookies.noProfile, [])) as Reply
  expect(noProfile.init.status).toBe(400)
  expect(await applications()).toHaveLength(1)
})

it('fuzzed: a French 4xx or one new application, never an exception nor a second application', async () => {
  const value = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('', ' ', 'x'.repeat(3000), 'x'.repeat(3001), '<script>alert(1)</script>', '=HYPERLINK("x")'),
  )
  const field = fc.constantFrom('message', 'intent', 'offerId', 'candidateId', 'stage')
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 4 }), fc.boolean(), async (pairs, applyTwice) => {
      const offer = await createTestOffer(test.db, { companyId })
      if (applyTwice) await post(offer.slug, cookies.candidate, [])
      const before = await applications()
      const outcome = await post(offer.slug, cookies.candidate, pairs)
      if (outcome instanceof Response) {
        expect(outcome.status).toBe(302)
        const after = await applications()
        expect(after).toHaveLength(before.length + 1)
        // Whatever else was posted, the row is the candidate's, on this offer, at the first stage.
        expect(after.at(-1)).toMatchObject({ offer_id: offer.id, stage: 'new' })
        return
      }
      expect(outcome.init.status).toBeGreaterThanOrEqual(400)
      expect(outcome.init.status).toBeLessThan(500)
      const messages = Object.values(outcome.data.error ?? {}).flat().filter((m): m is string => Boolean(m))
      expect(messages.length).toBeGreaterThan(0)
      for (const message of messages) expect(message).toMatch(/^[A-ZÀ-ÝÉ].*[.:)]$/u)
      expect(await applications()).toEqual(before)
    }),
    { numRuns: 150 },
  )
})

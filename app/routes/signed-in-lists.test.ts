import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestApplication, createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/factories.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { INVALID_PAGE } from '../utils/pagination.ts'
import { signedInUser } from '../utils/test-session.server.ts'
import { loader as pendingOffers, PENDING_PER_PAGE } from './admin-offers.tsx'
import { loader as applicationsCsv } from './recruiter-applications-csv.ts'
import { APPLICATIONS_PER_PAGE, loader as applicants } from './recruiter-applications.tsx'
import { loader as companyOffers, OFFERS_PER_PAGE } from './recruiter-company-offers.tsx'

/**
 * The signed-in lists that grow without bound (a company's offers, an offer's
 * applicants, the moderation queue) are read a page at a time in the
 * database: every row is on exactly one page, in the list's order, and the
 * filters and the page stay in the address.
 */
let test: Awaited<ReturnType<typeof createTestDatabase>>
let recruiter = ''
let admin = ''
let slug = ''
let busiest = 0
const published: number[] = []
const drafts: number[] = []
const pending: number[] = []
const applicationIds: number[] = []

beforeAll(async () => {
  test = await createTestDatabase()
  const company = await createTestCompany(test.db, { name: 'Grande Maison', verified_at: new Date().toISOString() })
  slug = company.slug
  recruiter = (await signedInUser(test.db, { email: 'rh@grande-maison.fr', role: 'recruiter', companyId: company.id })).cookie
  admin = (await signedInUser(test.db, { email: 'moderation@passerelle.fr', role: 'admin' })).cookie
  for (let i = 0; i < OFFERS_PER_PAGE + 12; i++) published.push((await createTestOffer(test.db, { companyId: company.id, title: `Poste ${i}` })).id)
  for (let i = 0; i < 7; i++) drafts.push((await createTestOffer(test.db, { companyId: company.id, title: `Brouillon ${i}`, status: 'draft' })).id)
  const other = await createTestCompany(test.db, { name: 'Petite Maison' })
  for (let i = 0; i < PENDING_PER_PAGE + 3; i++) pending.push((await createTestOffer(test.db, { companyId: other.id, title: `En attente ${i}`, status: 'pending' })).id)
  busiest = published[0]!
  for (let i = 0; i < APPLICATIONS_PER_PAGE + 8; i++) {
    const candidate = await createTestCandidate(test.db, { firstName: 'Camille', lastName: `Candidate ${i}` })
    applicationIds.push((await createTestApplication(test.db, { offerId: busiest, candidateId: candidate.id, stage: i % 4 === 0 ? 'reviewed' : 'new' })).id)
  }
}, 60_000)
afterAll(() => test.destroy())

type Loader = (args: never) => Promise<unknown>
/** The loader's data, or the Response it threw (a 400 for a bad page number). */
function load<T>(loader: (args: never) => Promise<T>, path: string, cookie: string, params: Record<string, string>): Promise<T | Response> {
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: cookie } })
  return (loader as Loader)({ request, params, context: { db: test.db } } as never).catch((thrown: unknown) => {
    if (thrown instanceof Response) return thrown
    throw thrown
  }) as Promise<T | Response>
}
const data = async <T>(answer: Promise<T | Response>): Promise<T> => {
  const value = await answer
  if (value instanceof Response) throw new Error(`answered ${value.status}`)
  return value
}

it('a company’s offers: every offer on exactly one page, latest change first, the state filter kept by the page links', async () => {
  const offersPath = `/recruteur/entreprises/${slug}/offres`
  const first = await data(load(companyOffers, offersPath, recruiter, { slug }))
  expect(first.list).toEqual({ page: 1, pageCount: 2, total: published.length + drafts.length, first: 1 })
  expect(first.offers).toHaveLength(OFFERS_PER_PAGE)
  const second = await data(load(companyOffers, `${offersPath}?page=2`, recruiter, { slug }))
  const seen = [...first.offers, ...second.offers]
  expect(seen.map((o) => o.id).sort((a, b) => a - b)).toEqual([...published, ...drafts].sort((a, b) => a - b))
  const order = seen.map((o) => `${o.updated_at}:${String(o.id).padStart(6, '0')}`)
  expect(order).toEqual([...order].sort().reverse())
  expect(first.offers.find((o) => o.id === busiest)?.applications ?? second.offers.find((o) => o.id === busiest)?.applications).toBe(applicationIds.length)
  expect(first.counts).toEqual([{ status: 'draft', label: 'Brouillon', count: drafts.length }, { status: 'published', label: 'En ligne', count: published.length }])

  const onlyDrafts = await data(load(companyOffers, `${offersPath}?etat=draft`, recruiter, { slug }))
  expect(onlyDrafts.offers.map((o) => o.id).sort((a, b) => a - b)).toEqual(drafts)
  expect(onlyDrafts.list).toMatchObject({ page: 1, pageCount: 1, total: drafts.length })
  // A page past the end shows the last one; a malformed page is a French 400.
  expect((await data(load(companyOffers, `${offersPath}?etat=published&page=9`, recruiter, { slug }))).list).toMatchObject({ page: 2, first: OFFERS_PER_PAGE + 1 })
  const bad = await load(companyOffers, `${offersPath}?page=-1`, recruiter, { slug })
  expect(bad).toBeInstanceOf(Response)
  expect((bad as Response).status).toBe(400)
  expect(await (bad as Response).text()).toContain(INVALID_PAGE)
})

it('an offer’s applicants: a page at a time, latest first, the stage filter and the page together; the CSV keeps them all', async () => {
  const path = `/recruteur/offres/${busiest}/candidatures`
  const params = { id: String(busiest) }
  const first = await data(load(applicants, path, recruiter, params))
  const second = await data(load(applicants, `${path}?page=2`, recruiter, params))
  expect(first.applications).toHaveLength(APPLICATIONS_PER_PAGE)
  expect(first.total).toBe(applicationIds.length)
  expect([...first.applications, ...second.applications].map((a) => a.id)).toEqual([...applicationIds].reverse())
  const reviewed = applicationIds.filter((_, i) => i % 4 === 0)
  const filtered = await data(load(applicants, `${path}?etape=reviewed`, recruiter, params))
  expect(filtered.list).toMatchObject({ page: 1, pageCount: 1, total: reviewed.length })
  expect(filtered.applications.map((a) => a.id)).toEqual([...reviewed].reverse())
  expect(filtered.counts.find((c) => c.stage === 'reviewed')?.count).toBe(reviewed.length)
  expect(((await load(applicants, `${path}?page=abc`, recruiter, params)) as Response).status).toBe(400)

  const csv = await load(applicationsCsv, `${path}.csv`, recruiter, params) as Response
  const lines = (await csv.text()).trim().split(/\r?\n/)
  expect(lines).toHaveLength(applicationIds.length + 1)
})

it('the moderation queue: oldest first, every pending offer on exactly one page', async () => {
  const first = await data(load(pendingOffers, '/admin/offres', admin, {}))
  const second = await data(load(pendingOffers, '/admin/offres?page=2', admin, {}))
  expect(first.list).toMatchObject({ page: 1, pageCount: 2, total: pending.length })
  expect([...first.offers, ...second.offers].map((o) => o.id)).toEqual(pending)
  expect(((await load(pendingOffers, '/admin/offres?page=0', admin, {})) as Response).status).toBe(400)
})

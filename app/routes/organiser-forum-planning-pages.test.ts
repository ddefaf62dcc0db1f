import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/factories.ts'
import { addTestForumCandidate, addTestForumCompany, createTestForum } from '#db/seed/forum-factories.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { CANDIDATES_PER_PAGE } from '../utils/forum-match-pages.server.ts'
import { INVALID_PAGE } from '../utils/pagination.ts'
import { signedInUser } from '../utils/test-session.server.ts'
import { action, loader } from './organiser-forum-planning.tsx'

/** A forum larger than one page on both sides: 12 companies (3 pages of 5), 45 candidates (3 pages of 20). */
let test: Awaited<ReturnType<typeof createTestDatabase>>
let cookie = ''
let slug = ''

beforeAll(async () => {
  test = await createTestDatabase()
  const organiser = await signedInUser(test.db, { email: 'orga@exemple.fr', role: 'organiser' })
  cookie = organiser.cookie
  const forum = await createTestForum(test.db, { organiserId: organiser.id })
  slug = forum.slug
  for (let i = 1; i <= 12; i++) {
    const company = await createTestCompany(test.db, { name: `Société ${String(i).padStart(2, '0')}` })
    const offer = await createTestOffer(test.db, { companyId: company.id, title: `Développeur·se React ${i}`, skills: [{ slug: 'react', required: true }] })
    await addTestForumCompany(test.db, forum.id, company.id, 'accepted', [offer.id])
  }
  for (let i = 1; i <= 45; i++) {
    const candidate = await createTestCandidate(test.db, { firstName: 'Élise', lastName: `Candidate ${String(i).padStart(2, '0')}`,
      skills: [{ slug: 'react', level: 1 + (i % 4) }] })
    await addTestForumCandidate(test.db, forum.id, candidate.id)
  }
})
afterAll(() => test.destroy())

const url = (search = '') => `http://localhost/organisation/forums/${slug}/planning${search}`
const load = (search = '') =>
  loader({ request: new Request(url(search), { headers: { Cookie: cookie } }), params: { slug }, context: { db: test.db } } as never)
/** The loader's answer, or the Response it threw (a 400 for a bad page number). */
const attempt = (search: string) => load(search).catch((thrown: unknown) => {
  if (thrown instanceof Response) return thrown
  throw thrown
})

it('shows one page of companies and one of candidates, each with its reasons, and says which', async () => {
  const first = await load()
  expect(first.companies).toMatchObject({ page: 1, pageCount: 3, total: 12, first: 1 })
  expect(first.companies.items.map((c) => c.name)).toEqual(['Société 01', 'Société 02', 'Société 03', 'Société 04', 'Société 05'])
  // All 45 candidates match each company: its best 5 are shown and explained, best first.
  for (const c of first.companies.items) {
    expect(c.matches).toHaveLength(5)
    expect(c.matches.map((m) => m.score)).toEqual(c.matches.map((m) => m.score).sort((a, b) => b - a))
  }
  expect(first.candidates).toMatchObject({ page: 1, pageCount: 3, total: 45, first: 1 })
  expect(first.candidates.items).toHaveLength(CANDIDATES_PER_PAGE)
  for (const c of first.candidates.items) {
    // Every candidate knows React: all 12 companies match, the best 5 are explained, and the count says 12.
    expect(c.matchCount).toBe(12)
    expect(c.matches).toHaveLength(5)
    expect(c.matches[0]!.reasons.requiredMet).toEqual(['React'])
  }

  const last = await load('?entreprises=3&candidats=3')
  expect(last.companies.items.map((c) => c.name)).toEqual(['Société 11', 'Société 12'])
  expect(last.companies.first).toBe(11)
  expect(last.candidates.items.map((c) => c.name)).toEqual([41, 42, 43, 44, 45].map((i) => `Élise Candidate ${i}`))
})

it('the matches shown follow the profiles: a candidate’s change is on the page at the next load', async () => {
  const shown = async (lastName: string) => (await load()).companies.items[0]!.matches.find((m) => m.name === `Élise ${lastName}`)
  const before = await shown('Candidate 01')
  expect(before?.reasons.requiredMet).toEqual(['React'])
  // The same page again: the same explanations (kept with the match lists while nothing is written).
  expect(await shown('Candidate 01')).toEqual(before)
  await test.db.updateTable('candidate_profiles').set({ last_name: 'Candidate 01 bis' }).where('last_name', '=', 'Candidate 01').execute()
  try {
    expect(await shown('Candidate 01')).toBeUndefined()
    expect((await shown('Candidate 01 bis'))?.reasons).toEqual(before!.reasons)
  } finally {
    await test.db.updateTable('candidate_profiles').set({ last_name: 'Candidate 01' }).where('last_name', '=', 'Candidate 01 bis').execute()
  }
})

it('every company and candidate appears on exactly one page', async () => {
  const companies: string[] = []
  const candidates: string[] = []
  for (let p = 1; p <= 3; p++) {
    const page = await load(`?entreprises=${p}&candidats=${p}`)
    companies.push(...page.companies.items.map((c) => c.name))
    candidates.push(...page.candidates.items.map((c) => c.name))
  }
  expect(companies).toHaveLength(12)
  expect(new Set(companies).size).toBe(12)
  expect(candidates).toHaveLength(45)
  expect(new Set(candidates).size).toBe(45)
})

it('a page past the end shows the last one; a page that is not a whole number from 1 is a French 400', async () => {
  const far = await load('?entreprises=99&candidats=10000')
  expect(far.companies.page).toBe(3)
  expect(far.candidates.page).toBe(3)
  for (const bad of ['?entreprises=0', '?candidats=-1', '?candidats=abc', '?entreprises=1.5', '?entreprises=', '?candidats=1e3', '?entreprises=100000']) {
    const answer = await attempt(bad)
    expect(answer, bad).toBeInstanceOf(Response)
    expect((answer as Response).status).toBe(400)
    expect(await (answer as Response).text()).toBe(INVALID_PAGE)
  }
})

it('fuzzed page parameters: a page or a French 400, never anything else', async () => {
  await fc.assert(fc.asyncProperty(fc.constantFrom('entreprises', 'candidats', 'page'), fc.string({ maxLength: 8 }), async (name, value) => {
    const answer = await attempt(`?${new URLSearchParams({ [name]: value })}`)
    if (answer instanceof Response) {
      expect(answer.status).toBe(400)
      expect(await answer.text()).toBe(INVALID_PAGE)
    } else {
      expect(answer.companies.page).toBeGreaterThanOrEqual(1)
      expect(answer.companies.page).toBeLessThanOrEqual(3)
    }
  }), { numRuns: 60 })
})

it('after a button, the organiser is sent back to the pages they were on', async () => {
  const post = (search: string) => {
    const body = new FormData()
    body.set('intent', 'schedule')
    return action({ request: new Request(url(search), { method: 'POST', body, headers: { Cookie: cookie } }), params: { slug }, context: { db: test.db } } as never) as Promise<Response>
  }
  expect((await post('?entreprises=2&candidats=3')).headers.get('Location')).toBe(`/organisation/forums/${slug}/planning?entreprises=2&candidats=3&fait=planning-calcule`)
  expect((await post('?entreprises=abc')).headers.get('Location')).toBe(`/organisation/forums/${slug}/planning?fait=planning-calcule`)
})

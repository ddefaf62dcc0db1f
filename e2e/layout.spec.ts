import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from '@playwright/test'
import type { RouteConfigEntry } from '@react-router/dev/routes'
import routes from '../app/routes.ts'
import { addTestForumCandidate, createTestForum } from '#db/seed/forum-factories.ts'
import { expect, retryingWrite, test } from './fixtures.ts'
import { sessionCookieFor } from '../app/utils/test-session.server.ts'

/**
 * Generated from app/routes.ts: every page of the board, opened by the role
 * that uses it on the demo data (real ids), must fit a 320, 390 and 1280 px
 * wide screen without horizontal scrolling, and pass axe-core's WCAG 2.2 AA
 * rules at 390 and 1280 px.
 */
type Role = 'anonyme' | 'candidate' | 'recruiter' | 'admin' | 'organiser'
const ACCOUNTS: Record<Exclude<Role, 'anonyme'>, string> = {
  candidate: 'candidate@demo.passerelle.fr',
  recruiter: 'recruteur@demo.passerelle.fr',
  admin: 'admin@demo.passerelle.fr',
  organiser: 'organisation@demo.passerelle.fr',
}
const WIDTHS = [1280, 390, 320] as const
const AXE_WIDTHS = new Set<number>([1280, 390])
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

function flatten(entries: RouteConfigEntry[], parent = ''): { path: string; file: string }[] {
  return entries.flatMap((entry) => {
    const path = [parent, entry.path ?? ''].filter(Boolean).join('/')
    return [{ path, file: entry.file }, ...flatten(entry.children ?? [], path)]
  })
}
/** Routes that render a page: a default export (the others answer files and exports). */
const pages = flatten(routes).filter((r) => /export default/.test(readFileSync(`app/${r.file}`, 'utf8'))).map((r) => r.path)

function roleOf(path: string): Role {
  if (/^(compte\/|compte$|candidat\/|offres\/:slug\/postuler$|forums\/:slug)/.test(path)) return 'candidate'
  if (/^admin(\/|$)/.test(path)) return 'admin'
  if (/^organisation(\/|$)/.test(path)) return 'organiser'
  if (/^recruteur(\/|$)/.test(path)) return 'recruiter'
  return 'anonyme'
}

type Ids = { offerSlug: string; offerId: number; companySlug: string; applicationId: number; pendingOfferId: number; forumSlug: string; confirmSlug: string }
let ids: Ids
/** A session per role, made in the database (signing in through the form 4 times per worker would hit its rate limit). */
const cookies: Partial<Record<Role, string>> = {}

function urlOf(path: string): string {
  if (path === '*') return '/page-qui-n-existe-pas'
  const slug = path.startsWith('forums/:slug/confirmer') ? ids.confirmSlug
    : /forums\/:slug/.test(path) ? ids.forumSlug
    : path.startsWith('offres/') ? ids.offerSlug : ids.companySlug
  const id = path.startsWith('recruteur/candidatures/') ? ids.applicationId
    : path.startsWith('admin/offres/') ? ids.pendingOfferId : ids.offerId
  return `/${path.replace(':slug', slug).replace(':id', String(id))}`
}

let confirmForumId: number | undefined
test.beforeAll(async ({ db }) => {
  const company = await db.selectFrom('company_members as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('companies as c', 'c.id', 'm.company_id').select(['c.id', 'c.slug'])
    .where('u.email', '=', ACCOUNTS.recruiter).executeTakeFirstOrThrow()
  // The demo recruiter's published offer with the most applicants: the fullest pages.
  const offer = await db.selectFrom('offers as o').leftJoin('applications as a', 'a.offer_id', 'o.id')
    .select(['o.id', 'o.slug', (eb) => eb.fn.count<number>('a.id').as('n')])
    .where('o.company_id', '=', company.id).where('o.status', '=', 'published')
    .groupBy('o.id').orderBy('n', 'desc').orderBy('o.id').executeTakeFirstOrThrow()
  const application = await db.selectFrom('applications').select('id').where('offer_id', '=', offer.id).orderBy('id').executeTakeFirstOrThrow()
  const pending = await db.selectFrom('offers').select('id').where('status', '=', 'pending').orderBy('id').executeTakeFirstOrThrow()
  const forum = await db.selectFrom('forums as f').innerJoin('users as u', 'u.id', 'f.organiser_id').select('f.slug')
    .where('u.email', '=', ACCOUNTS.organiser).orderBy('f.id').executeTakeFirstOrThrow()
  // The school-import confirmation page needs a registration the candidate has not confirmed yet.
  const organiser = await db.selectFrom('users').select('id').where('email', '=', ACCOUNTS.organiser).executeTakeFirstOrThrow()
  const candidate = await db.selectFrom('users').select('id').where('email', '=', ACCOUNTS.candidate).executeTakeFirstOrThrow()
  const confirm = await retryingWrite(() => createTestForum(db, { organiserId: organiser.id, name: 'Forum des écoles de la Côte d’Opale' }))
  confirmForumId = confirm.id
  await retryingWrite(() => addTestForumCandidate(db, confirm.id, candidate.id, false))
  ids = { offerSlug: offer.slug, offerId: offer.id, companySlug: company.slug, applicationId: application.id,
    pendingOfferId: pending.id, forumSlug: forum.slug, confirmSlug: confirm.slug }
  for (const [role, email] of Object.entries(ACCOUNTS)) {
    const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()
    const header = await retryingWrite(() => sessionCookieFor(db, user.id))
    cookies[role as Role] = header.slice(header.indexOf('=') + 1)
  }
})

test.afterAll(async ({ db }) => {
  if (confirmForumId) await db.deleteFrom('forums').where('id', '=', confirmForumId).execute()
})

async function openAs(browser: Browser, baseURL: string, role: Role): Promise<Page> {
  const context = await browser.newContext()
  const value = cookies[role]
  if (value) await context.addCookies([{ name: 'passerelle_session', value, url: baseURL, httpOnly: true, sameSite: 'Lax' }])
  return context.newPage()
}

/** The elements sticking out on the right, to say where the overflow comes from. */
const overflowing = (page: Page) => page.evaluate(() => {
  const width = document.documentElement.clientWidth
  return [...document.body.querySelectorAll('*')]
    .filter((el) => el.getBoundingClientRect().right > width + 0.5 && el.checkVisibility())
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} → ${Math.round(el.getBoundingClientRect().right)} px`)
})

test.describe.configure({ mode: 'parallel' })
for (const path of pages) {
  test(`/${path} fits 320, 390 and 1280 px and passes axe (WCAG 2.2 AA)`, async ({ browser, baseURL }) => {
    const page = await openAs(browser, baseURL!, roleOf(path))
    const response = await page.goto(urlOf(path))
    // Every page answers as its role expects it (not-found and invalid-token pages are pages too).
    expect(response!.status(), `/${path}`).toBeLessThan(500)
    if (path !== '*' && !/reinitialiser|invitation/.test(path)) expect(response!.status(), urlOf(path)).toBe(200)
    await expect(page).toHaveTitle(/\S/)
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 844 })
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
      expect.soft(scrollWidth, `${urlOf(path)} at ${width} px: ${(await overflowing(page)).join(', ')}`).toBeLessThanOrEqual(width)
      if (AXE_WIDTHS.has(width)) {
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze()
        expect.soft(violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
          `${urlOf(path)} at ${width} px`).toEqual([])
      }
    }
    await page.context().close()
  })
}

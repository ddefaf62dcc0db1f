import { readFileSync } from 'node:fs'
import { type APIRequestContext, type APIResponse } from '@playwright/test'
import type { RouteConfigEntry } from '@react-router/dev/routes'
import routes from '../app/routes.ts'
import { expect, test, uniqueWord } from './fixtures.ts'

/**
 * Every route of app/routes.ts is either public or protected; a route that is
 * neither fails this file, so no new route escapes the matrix. Each protected
 * route, read and posted to by an anonymous visitor, a candidate and a
 * recruiter of another company, is refused and changes nothing.
 */
const PUBLIC = new Set(['', 'offres', 'offres/:slug', 'entreprises/:slug', '*', 'inscription', 'connexion', 'deconnexion',
  'mot-de-passe-oublie', 'reinitialiser-mot-de-passe',
  // Its GET shows anyone how to apply (a login link for visitors); its POST needs a candidate (e2e/candidate.spec.ts,
  // app/routes/offer-apply.property.test.ts).
  'offres/:slug/postuler'])
const PROTECTED_PREFIXES = ['recruteur', 'candidat']
/** The candidate's own space: there the recruiter is the wrong role, and there is no other company to try. */
const isCandidateSpace = (path: string) => path === 'candidat' || path.startsWith('candidat/')

function flatten(entries: RouteConfigEntry[], parent = ''): { path: string; file: string }[] {
  return entries.flatMap((entry) => {
    const path = [parent, entry.path ?? ''].filter(Boolean).join('/')
    return [{ path, file: entry.file }, ...flatten(entry.children ?? [], path)]
  })
}
const entries = flatten(routes)
const allPaths = [...new Set(entries.map((e) => e.path))]
/** Whether the route module handles POST at all (React Router answers 405 otherwise). */
const hasAction = (path: string) =>
  /export (async )?function action\b/.test(readFileSync(`app/${entries.find((e) => e.path === path)!.file}`, 'utf8'))
const protectedPaths = allPaths.filter((p) => PROTECTED_PREFIXES.some((prefix) => p === prefix || p.startsWith(`${prefix}/`)))

test('every route is classified as public or protected', () => {
  const unclassified = allPaths.filter((p) => !PUBLIC.has(p) && !protectedPaths.includes(p))
  expect(unclassified).toEqual([])
  expect(protectedPaths.length).toBeGreaterThanOrEqual(5)
})

async function signUp(request: APIRequestContext, role: 'candidate' | 'recruiter') {
  const response = await request.post('/inscription', {
    form: { role, displayName: 'Matrice Test', email: `${uniqueWord(role)}@exemple.fr`, password: 'une phrase de passe solide' },
    maxRedirects: 0,
  })
  expect(response.status()).toBe(302)
}

test('protected routes refuse the anonymous visitor, a candidate and another company, and change nothing', async ({ playwright, db, baseURL }) => {
  // The victim: the demo recruiter's company and one of its offers.
  const victim = await db
    .selectFrom('company_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('companies as c', 'c.id', 'm.company_id')
    .select(['c.id', 'c.slug'])
    .where('u.email', '=', 'recruteur@demo.passerelle.fr')
    .executeTakeFirstOrThrow()
  const offer = await db.selectFrom('offers').select('id').where('company_id', '=', victim.id).executeTakeFirstOrThrow()
  // The intruders' own rows (they sign up as "Matrice Test"), not global counts: tests in the other worker
  // create companies, offers and profiles meanwhile.
  const intruders = db.selectFrom('users').select('id').where('display_name', '=', 'Matrice Test')
  const intruderCompanies = db.selectFrom('company_members').select('company_id').where('user_id', 'in', intruders)
  const snapshot = () =>
    Promise.all([
      db.selectFrom('offers').select(['id', 'title', 'status', 'updated_at']).where('company_id', '=', victim.id).orderBy('id').execute(),
      db.selectFrom('company_members').select(['company_id', 'user_id', 'role']).where('user_id', 'in', intruders).orderBy('company_id').execute(),
      db.selectFrom('offers').select('id').where('company_id', 'in', intruderCompanies).orderBy('id').execute(),
      db.selectFrom('candidate_profiles').select(['user_id', 'updated_at', 'visibility']).where('user_id', 'in', intruders).execute(),
    ])

  const anonymous = await playwright.request.newContext({ baseURL })
  const candidate = await playwright.request.newContext({ baseURL })
  await signUp(candidate, 'candidate')
  const otherRecruiter = await playwright.request.newContext({ baseURL })
  await signUp(otherRecruiter, 'recruiter')
  const created = await otherRecruiter.post('/recruteur/entreprises/nouvelle', {
    form: { name: `Autre ${uniqueWord('boite')}`, nafCode: '62.01Z', sizeBand: '1-9', communeInsee: '62160',
      description: 'Une autre entreprise, qui ne doit rien voir des offres de la première.' },
    maxRedirects: 0,
  })
  expect(created.status()).toBe(302)

  const before = await snapshot()
  const urlOf = (path: string) => `/${path.replace(':slug', victim.slug).replace(':id', String(offer.id))}`
  const attempts: { who: string; path: string; method: string; status: number; location: string | null }[] = []
  const record = async (who: string, path: string, method: string, response: APIResponse) =>
    attempts.push({ who, path, method, status: response.status(), location: response.headers()['location'] ?? null })

  for (const path of protectedPaths) {
    // Harmful-looking bodies: every action intent, and a full offer.
    const form = { intent: 'close', title: 'Titre détourné', name: 'Piratée', descriptionMd: 'x'.repeat(60) }
    for (const [who, context] of [['anonyme', anonymous], ['candidat', candidate], ['autre entreprise', otherRecruiter]] as const) {
      if (isCandidateSpace(path)) {
        if (who === 'candidat') continue
      } else if (who === 'autre entreprise' && !path.includes(':')) {
        // A recruiter may of course use the pages of their own space that name no other company.
        continue
      }
      await record(who, path, 'GET', await context.get(urlOf(path), { maxRedirects: 0 }))
      for (const intent of ['close', 'publish', 'duplicate', 'save']) {
        await record(who, path, `POST ${intent}`, await context.post(urlOf(path), { form: { ...form, intent }, maxRedirects: 0 }))
      }
    }
  }
  for (const a of attempts) {
    const label = `${a.who} ${a.method} /${a.path}`
    if (a.method !== 'GET' && !hasAction(a.path)) {
      expect(a.status, label).toBe(405)
    } else if (a.who === 'anonyme') {
      // The browser-friendly 401: off to the login page, which comes back afterwards.
      expect(a.status, label).toBe(302)
      expect(a.location, label).toMatch(/^\/connexion\?redirectTo=/)
    } else if (a.who === 'candidat' || isCandidateSpace(a.path)) {
      expect(a.status, label).toBe(403)
    } else {
      expect(a.status, label).toBe(404)
    }
  }
  expect(await snapshot()).toEqual(before)
  await Promise.all([anonymous.dispose(), candidate.dispose(), otherRecruiter.dispose()])
})

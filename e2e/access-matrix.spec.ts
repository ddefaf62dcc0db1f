import { readFileSync } from 'node:fs'
import { type APIRequestContext, type APIResponse } from '@playwright/test'
import type { RouteConfigEntry } from '@react-router/dev/routes'
import routes from '../app/routes.ts'
import { createTestApplication, createTestCandidate } from '#db/seed/index.ts'
import { expect, retryingWrite, test, uniqueWord } from './fixtures.ts'

/**
 * Every route of app/routes.ts is either public or protected; a route that is
 * neither fails this file, so no new route escapes the matrix. Each protected
 * route, read and posted to by an anonymous visitor, a candidate and a
 * recruiter of another company, is refused and changes nothing.
 */
const PUBLIC = new Set(['', 'offres', 'offres/:slug', 'entreprises/:slug', '*', 'inscription', 'connexion', 'deconnexion',
  'mot-de-passe-oublie', 'reinitialiser-mot-de-passe', 'invitation', 'entreprises/:slug/logo'])
const PROTECTED_PREFIXES = ['recruteur']

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
  // An application to the victim's offer, for the routes whose :id is an application.
  const applicant = await retryingWrite(() => createTestCandidate(db, { email: `${uniqueWord('matrice')}@exemple.fr` }))
  const application = await retryingWrite(() => createTestApplication(db, { offerId: offer.id, candidateId: applicant.id }))
  await db.insertInto('application_notes').values({ application_id: application.id, author_id: null, body: 'Note de la victime', created_at: new Date().toISOString() }).execute()
  const victimApplications = db
    .selectFrom('applications as a')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .where('o.company_id', '=', victim.id)
  const snapshot = () =>
    Promise.all([
      db.selectFrom('offers').select(['id', 'title', 'status', 'updated_at']).where('company_id', '=', victim.id).orderBy('id').execute(),
      db.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      db.selectFrom('companies').selectAll().where('id', '=', victim.id).executeTakeFirstOrThrow(),
      db.selectFrom('company_members').selectAll().where('company_id', '=', victim.id).orderBy('user_id').execute(),
      db.selectFrom('company_invitations').selectAll().where('company_id', '=', victim.id).orderBy('id').execute(),
      victimApplications.select(['a.id', 'a.stage', 'a.stage_changed_at']).orderBy('a.id').execute(),
      db.selectFrom('application_notes').selectAll().where('application_id', 'in', victimApplications.select('a.id')).orderBy('id').execute(),
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
  const urlOf = (path: string) =>
    `/${path.replace(':slug', victim.slug).replace(':id', String(path.startsWith('recruteur/candidatures/') ? application.id : offer.id))}`
  const attempts: { who: string; path: string; method: string; status: number; location: string | null }[] = []
  const record = async (who: string, path: string, method: string, response: APIResponse) =>
    attempts.push({ who, path, method, status: response.status(), location: response.headers()['location'] ?? null })

  for (const path of protectedPaths) {
    // Harmful-looking bodies: every action intent, a full offer, a stage, a note, an invitation.
    const form = { intent: 'close', title: 'Titre détourné', name: 'Piratée', descriptionMd: 'x'.repeat(60), stage: 'rejected',
      body: 'Note détournée', email: 'intrus@exemple.fr', userId: '1', invitationId: '1' }
    for (const [who, context] of [['anonyme', anonymous], ['candidat', candidate], ['autre entreprise', otherRecruiter]] as const) {
      // A recruiter may of course use the pages of their own space that name no other company.
      if (who === 'autre entreprise' && !path.includes(':')) continue
      await record(who, path, 'GET', await context.get(urlOf(path), { maxRedirects: 0 }))
      for (const intent of ['close', 'publish', 'duplicate', 'save', 'stage', 'note', 'invite', 'remove', 'revoke', 'remove-logo']) {
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
    } else if (a.who === 'candidat') {
      expect(a.status, label).toBe(403)
    } else {
      expect(a.status, label).toBe(404)
    }
  }
  expect(await snapshot()).toEqual(before)
  await Promise.all([anonymous.dispose(), candidate.dispose(), otherRecruiter.dispose()])
  await db.deleteFrom('users').where('id', '=', applicant.id).execute()
  await db.deleteFrom('applications').where('id', '=', application.id).execute()
})

import { readFileSync } from 'node:fs'
import { type APIRequestContext, type APIResponse } from '@playwright/test'
import type { RouteConfigEntry } from '@react-router/dev/routes'
import routes from '../app/routes.ts'
import { createTestApplication, createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { addTestForumCandidate, addTestForumCompany, createTestForum } from '#db/seed/forum-factories.ts'
import { expect, retryingWrite, test, uniqueWord } from './fixtures.ts'
import { logIn } from './people.ts'

/**
 * Generated from app/routes.ts: every route is either public or matched by a
 * rule below, so no new route escapes. Each protected route, read and posted
 * to (with every intent the board knows) by an anonymous visitor, a candidate
 * and a recruiter of another company, answers as its rule says — 302 to the
 * login page (the browser-friendly 401), 403 or 404 — and nothing changes.
 */
const PUBLIC = new Set(['', 'offres', 'communes', 'offres/:slug', 'entreprises/:slug', 'entreprises/:slug/logo', '*', 'inscription',
  'connexion', 'deconnexion', 'mot-de-passe-oublie', 'reinitialiser-mot-de-passe', 'invitation', 'compte-supprime',
  'offres/:slug/signaler',
  // Its GET shows anyone how to apply (a login link for visitors); its POST needs a candidate
  // (app/routes/offer-apply.property.test.ts, e2e/candidate.spec.ts).
  'offres/:slug/postuler',
  // Open forums are announced to all; their POST (register, wishes) needs a candidate (app/routes/forum.property.test.ts).
  'forums', 'forums/:slug',
  // Alerts: a visitor creates one with an e-mail address; confirming and unsubscribing need the token the mail
  // carries, nothing else (db/queries/alerts.ts; e2e/alerts.spec.ts). An account's alerts are under compte/.
  'alertes/nouvelle', 'alertes/confirmer', 'alertes/desabonnement',
  // The legal pages.
  'mentions-legales', 'confidentialite', 'conditions-utilisation',
  // Offers out (decision 013): read-only, published offers and companies only, no personal data
  // (app/public-api/contract.test.ts, app/feeds/feeds.test.ts, e2e/offers-out.spec.ts).
  'api', 'api/v1/openapi.json', 'api/v1/offres', 'api/v1/offres/:id', 'api/v1/entreprises/:slug',
  'sitemap.xml', 'sitemaps/:file', 'robots.txt', 'offres.rss', 'offres.atom', 'flux/indeed.xml', 'integrer/offres'])

type Actor = 'anonyme' | 'candidat' | 'autre recruteur'
/** 'login': 302 to /connexion; 'home': the actor's own space, where they are allowed (their journeys test it). */
type Expected = 'login' | 403 | 404 | 'home'
const RULES: { pattern: RegExp; expected: Record<Actor, Expected> }[] = [
  // A candidate's own data: only a candidate may export or delete it.
  { pattern: /^compte\/(donnees\.json|supprimer)$/, expected: { anonyme: 'login', candidat: 'home', 'autre recruteur': 403 } },
  { pattern: /^compte(\/|$)/, expected: { anonyme: 'login', candidat: 'home', 'autre recruteur': 'home' } },
  { pattern: /^candidat\//, expected: { anonyme: 'login', candidat: 'home', 'autre recruteur': 403 } },
  { pattern: /^admin(\/|$)/, expected: { anonyme: 'login', candidat: 403, 'autre recruteur': 403 } },
  // Forums run by organisers (another organiser's forum is "not found": app/routes/organiser-forum.property.test.ts).
  { pattern: /^organisation(\/|$)/, expected: { anonyme: 'login', candidat: 403, 'autre recruteur': 403 } },
  // Saving an offer: candidates only (app/routes/saved-offers.property.test.ts).
  { pattern: /^offres\/:slug\/sauvegarder$/, expected: { anonyme: 'login', candidat: 'home', 'autre recruteur': 403 } },
  // A candidate's forum programme: the page tells one not registered so; the calendar is only for the registered.
  { pattern: /^forums\/:slug\/programme$/, expected: { anonyme: 'login', candidat: 'home', 'autre recruteur': 403 } },
  { pattern: /^forums\/:slug\/programme\.ics$/, expected: { anonyme: 'login', candidat: 404, 'autre recruteur': 403 } },
  // The import e-mail's link: a candidate the school did not register finds nothing there.
  { pattern: /^forums\/:slug\/confirmer$/, expected: { anonyme: 'login', candidat: 404, 'autre recruteur': 403 } },
  // A route naming a company, an offer or an application: another company's is "not found".
  { pattern: /^recruteur\/.*:/, expected: { anonyme: 'login', candidat: 403, 'autre recruteur': 404 } },
  { pattern: /^recruteur(\/|$)/, expected: { anonyme: 'login', candidat: 403, 'autre recruteur': 'home' } },
]
const INTENTS = ['close', 'publish', 'duplicate', 'save', 'stage', 'note', 'invite', 'remove', 'revoke', 'remove-logo',
  'verify', 'approve', 'reject', 'dismiss', 'close-offer', 'profile', 'consent', 'withdraw', 'delete-cv',
  'status', 'answer', 'wish', 'register', 'unregister', 'wishes', 'appoint', 'unsave', 'send']

function flatten(entries: RouteConfigEntry[], parent = ''): { path: string; file: string }[] {
  return entries.flatMap((entry) => {
    const path = [parent, entry.path ?? ''].filter(Boolean).join('/')
    return [{ path, file: entry.file }, ...flatten(entry.children ?? [], path)]
  })
}
const entries = flatten(routes)
const allPaths = [...new Set(entries.map((e) => e.path))]
const ruleOf = (path: string) => RULES.find((r) => r.pattern.test(path))
/** Whether the route module handles POST at all (React Router answers 405 otherwise). */
const hasAction = (path: string) =>
  /export (async )?function action\b/.test(readFileSync(`app/${entries.find((e) => e.path === path)!.file}`, 'utf8'))
const protectedPaths = allPaths.filter((p) => !PUBLIC.has(p) && ruleOf(p))

test('every route is classified as public or protected', () => {
  const unclassified = allPaths.filter((p) => !PUBLIC.has(p) && !ruleOf(p))
  expect(unclassified).toEqual([])
  expect(protectedPaths.length).toBeGreaterThanOrEqual(20)
})

async function signUp(request: APIRequestContext, role: 'candidate' | 'recruiter') {
  const response = await request.post('/inscription', {
    form: { role, displayName: 'Matrice Test', email: `${uniqueWord(role)}@exemple.fr`, password: 'une phrase de passe solide' },
    maxRedirects: 0,
  })
  expect(response.status()).toBe(302)
}

test('protected routes refuse the anonymous visitor, a candidate and another company, and change nothing', async ({ playwright, db, baseURL }) => {
  // Some 1,000 requests; the machines running it are shared, so the budget is generous.
  test.setTimeout(240_000)
  // The victims: the demo recruiter's company, one of its offers, an application to it with a note and a
  // report on it; and an unverified company with an offer waiting for moderation.
  const victim = await db
    .selectFrom('company_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('companies as c', 'c.id', 'm.company_id')
    .select(['c.id', 'c.slug', 'u.id as ownerId'])
    .where('u.email', '=', 'recruteur@demo.passerelle.fr')
    .executeTakeFirstOrThrow()
  const offer = await db.selectFrom('offers').select('id').where('company_id', '=', victim.id).executeTakeFirstOrThrow()
  const applicant = await retryingWrite(() => createTestCandidate(db, { email: `${uniqueWord('matrice')}@exemple.fr` }))
  const application = await retryingWrite(() => createTestApplication(db, { offerId: offer.id, candidateId: applicant.id }))
  await db.insertInto('application_notes')
    .values({ application_id: application.id, author_id: victim.ownerId, body: 'Note privée', created_at: new Date().toISOString() })
    .execute()
  const report = await db.insertInto('offer_reports')
    .values({ offer_id: offer.id, reason: 'other', message: 'Signalement de la matrice', created_at: new Date().toISOString() })
    .returning('id').executeTakeFirstOrThrow()
  const pendingCompany = await retryingWrite(() => createTestCompany(db, { name: `En attente ${uniqueWord('co')}` }))
  const pendingOffer = await retryingWrite(() => createTestOffer(db, { companyId: pendingCompany.id, status: 'pending' }))
  // A forum of the demo organiser where the victim takes part with its offer and the applicant is registered.
  const organiser = await db.selectFrom('users').select('id').where('email', '=', 'organisation@demo.passerelle.fr').executeTakeFirstOrThrow()
  const forum = await retryingWrite(() => createTestForum(db, { organiserId: organiser.id }))
  await addTestForumCompany(db, forum.id, victim.id, 'accepted', [offer.id])
  await addTestForumCandidate(db, forum.id, applicant.id)

  const victimApplications = db.selectFrom('applications as a').innerJoin('offers as o', 'o.id', 'a.offer_id').where('o.company_id', '=', victim.id)
  const snapshot = () =>
    Promise.all([
      db.selectFrom('companies').selectAll().where('id', 'in', [victim.id, pendingCompany.id]).orderBy('id').execute(),
      db.selectFrom('offers').select(['id', 'title', 'status', 'updated_at', 'moderation_note'])
        .where('company_id', 'in', [victim.id, pendingCompany.id]).orderBy('id').execute(),
      db.selectFrom('company_members').selectAll().where('company_id', '=', victim.id).orderBy('user_id').execute(),
      db.selectFrom('company_invitations').selectAll().where('company_id', '=', victim.id).orderBy('id').execute(),
      victimApplications.select(['a.id', 'a.stage', 'a.stage_changed_at', 'a.candidate_id']).orderBy('a.id').execute(),
      db.selectFrom('application_notes').selectAll().where('application_id', 'in', victimApplications.select('a.id')).orderBy('id').execute(),
      db.selectFrom('offer_reports').selectAll().where('id', '=', report.id).execute(),
      db.selectFrom('candidate_profiles').selectAll().where('user_id', '=', applicant.id).execute(),
      // Roles too: /admin/roles appoints and removes them (e2e/first-admin.spec.ts for the admin's own journey).
      db.selectFrom('users').select(['id', 'password_hash', 'role']).where('id', 'in', [applicant.id, victim.ownerId]).orderBy('id').execute(),
      db.selectFrom('forums').selectAll().where('id', '=', forum.id).execute(),
      db.selectFrom('saved_offers').selectAll().where('user_id', '=', applicant.id).execute(),
      db.selectFrom('forum_programme_mails').selectAll().where('forum_id', '=', forum.id).execute(),
      ...(['forum_companies', 'forum_offers', 'forum_candidates', 'forum_wishes'] as const).map((table) =>
        db.selectFrom(table).selectAll().where('forum_id', '=', forum.id).execute()),
    ])

  const actors: Record<Actor, APIRequestContext> = {
    anonyme: await playwright.request.newContext({ baseURL }),
    candidat: await playwright.request.newContext({ baseURL }),
    'autre recruteur': await playwright.request.newContext({ baseURL }),
  }
  await signUp(actors.candidat, 'candidate')
  await signUp(actors['autre recruteur'], 'recruiter')
  const created = await actors['autre recruteur'].post('/recruteur/entreprises/nouvelle', {
    form: { name: `Autre ${uniqueWord('boite')}`, nafCode: '62.01Z', sizeBand: '1-9', communeInsee: '62160',
      description: 'Une autre entreprise, qui ne doit rien voir des offres de la première.' },
    maxRedirects: 0,
  })
  expect(created.status()).toBe(302)

  const before = await snapshot()
  const idFor = (path: string) =>
    path.startsWith('recruteur/candidatures/') ? application.id : path.startsWith('admin/offres/') ? pendingOffer.id : offer.id
  const urlOf = (path: string) =>
    `/${path.replace(':slug', path.includes('forums') ? forum.slug : victim.slug).replace(':id', String(idFor(path)))}`
  // Harmful-looking bodies: an offer, a company, a stage, a note, an invitation, a decision, a profile…
  const form = { title: 'Titre détourné', name: 'Piratée', descriptionMd: 'x'.repeat(60), stage: 'rejected',
    body: 'Note détournée', email: 'intrus@exemple.fr', userId: String(victim.ownerId), invitationId: '1',
    companyId: String(pendingCompany.id), reportId: String(report.id), reason: 'Refus détourné par un intrus.',
    firstName: 'Intrus', lastName: 'Intrus', consent: 'on', password: 'une phrase de passe solide',
    status: 'closed', decision: 'decline', candidateId: String(applicant.id), wish: '1', companyIds: String(victim.id), role: 'admin' }
  const attempts: { who: Actor; path: string; method: string; status: number; location: string | null }[] = []
  const record = (who: Actor, path: string, method: string, response: APIResponse) =>
    attempts.push({ who, path, method, status: response.status(), location: response.headers()['location'] ?? null })

  for (const path of protectedPaths) {
    for (const who of Object.keys(actors) as Actor[]) {
      if (ruleOf(path)!.expected[who] === 'home') continue
      record(who, path, 'GET', await actors[who].get(urlOf(path), { maxRedirects: 0 }))
      for (const intent of INTENTS) {
        record(who, path, `POST ${intent}`, await actors[who].post(urlOf(path), { form: { ...form, intent }, maxRedirects: 0 }))
      }
    }
  }
  expect(attempts.length).toBeGreaterThan(500)
  for (const a of attempts) {
    const label = `${a.who} ${a.method} /${a.path}`
    const expected = ruleOf(a.path)!.expected[a.who]
    if (a.method !== 'GET' && !hasAction(a.path)) {
      expect(a.status, label).toBe(405)
    } else if (expected === 'login') {
      expect(a.status, label).toBe(302)
      expect(a.location, label).toMatch(/^\/connexion\?redirectTo=/)
    } else {
      expect(a.status, label).toBe(expected)
    }
  }
  expect(await snapshot()).toEqual(before)

  await Promise.all(Object.values(actors).map((a) => a.dispose()))
  await db.deleteFrom('forums').where('id', '=', forum.id).execute()
  await db.deleteFrom('offer_reports').where('id', '=', report.id).execute()
  await db.deleteFrom('applications').where('id', '=', application.id).execute()
  await db.deleteFrom('users').where('id', '=', applicant.id).execute()
  await db.deleteFrom('offers').where('id', '=', pendingOffer.id).execute()
  await db.deleteFrom('companies').where('id', '=', pendingCompany.id).execute()
})

test('an admin opens the offer import of any verified company from the admin companies page', async ({ page, db }) => {
  // The import page's own rule above (recruteur/…:slug…) refuses the visitor, a candidate and another company; the
  // admin reaches it for a company it is no member of (decision 012), from the link of /admin/entreprises.
  const company = await db.selectFrom('companies as c').innerJoin('company_members as m', 'm.company_id', 'c.id')
    .innerJoin('users as u', 'u.id', 'm.user_id').select(['c.name', 'c.slug'])
    .where('u.email', '=', 'recruteur@demo.passerelle.fr').where('c.verified_at', 'is not', null).executeTakeFirstOrThrow()
  await logIn(page, 'admin@demo.passerelle.fr')
  await page.goto('/admin/entreprises')
  await page.getByLabel('Nom de l’entreprise').fill(company.name)
  await page.getByRole('button', { name: 'Chercher' }).click()
  await page.getByRole('link', { name: `importer ses offres (${company.name})` }).click()
  await expect(page).toHaveURL(`/recruteur/entreprises/${company.slug}/import`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

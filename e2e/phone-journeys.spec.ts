import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { createTestApplication } from '#db/seed/index.ts'
import { expect, retryingWrite, SEEDED_PASSWORD, test, uniqueWord } from './fixtures.ts'
import { logIn } from './people.ts'

/** The journeys of issue 12 on a phone (390 × 844, touch): each page fits the screen, the menus fold. */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

/** The page needs no horizontal scrolling. */
async function fitsScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(390)
}

/** The header's "Menu" toggle opens the navigation (no JavaScript needed), then a link in it is followed. */
async function viaMenu(page: Page, link: string) {
  const nav = page.getByRole('navigation', { name: 'Navigation principale' })
  await expect(nav).toBeHidden()
  await page.getByRole('checkbox', { name: 'Menu' }).check()
  await nav.getByRole('link', { name: link }).click()
}

test('a job seeker searches, opens the filters, filters by contract and radius, opens an offer and applies', async ({ page, seed }) => {
  const word = uniqueWord('mobile')
  const company = await seed.company({ name: `Phare ${word}`, verified_at: new Date().toISOString() })
  const offer = await seed.offer(company.id, { title: `Développeur·se ${word} Calais`, contract_type: 'cdi', commune_insee: '62193' })
  await seed.offer(company.id, { title: `Stage ${word} Calais`, contract_type: 'stage', commune_insee: '62193' })
  await seed.offer(company.id, { title: `Développeur·se ${word} Montreuil`, contract_type: 'cdi', commune_insee: '62588' })
  const candidate = await seed.candidate({ email: `${word}@exemple.fr`, firstName: 'Lina', lastName: 'Carpentier' })
  await logIn(page, candidate.email, SEEDED_PASSWORD)

  await page.goto('/')
  await fitsScreen(page)
  await page.getByRole('searchbox').fill(word)
  await page.getByRole('button', { name: 'Rechercher' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`3 offres pour « ${word} »`)
  // Results first: the first offer is on the first screen, the filters folded above it.
  await expect(page.getByRole('article').first()).toBeInViewport()
  await fitsScreen(page)

  await page.getByText('Filtres', { exact: true }).click()
  await page.getByRole('checkbox', { name: /^CDI/ }).check()
  // The contract applies at once (with JavaScript): its results first, as a person would see them before typing on.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`2 offres pour « ${word} »`)
  // Typed by name (any commune of France); the server resolves it.
  await page.getByLabel('Autour de').fill('Calais')
  await page.getByLabel('Dans un rayon de').selectOption('10')
  await page.getByRole('button', { name: 'Appliquer les filtres' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`1 offre pour « ${word} »`)
  await expect(page.getByText('Filtres (2)', { exact: true })).toBeVisible()
  // The active filters, each a link that removes it.
  await expect(page.getByRole('link', { name: 'CDI (retirer ce filtre)' })).toBeVisible()
  await expect(page.getByRole('link', { name: /^Calais( \(62\))?, 10 km \(retirer ce filtre\)$/ })).toBeVisible()
  await fitsScreen(page)

  await page.getByRole('link', { name: offer.title }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(offer.title)
  await fitsScreen(page)
  await page.getByRole('link', { name: 'Postuler' }).click()
  await page.getByLabel('Message à l’entreprise (facultatif, 3 000 caractères au plus)').fill('Bonjour, je postule depuis mon téléphone.')
  await page.getByRole('button', { name: 'Envoyer ma candidature' }).click()
  await expect(page.getByRole('status')).toHaveText('Votre candidature est envoyée.')
  await expect(page.getByRole('cell', { name: offer.title })).toBeVisible()
  await fitsScreen(page)
})

test('a recruiter publishes an offer and moves an applicant', async ({ page, seed, db }) => {
  const word = uniqueWord('publie')
  const company = await seed.company({ name: `Dune ${word}`, verified_at: new Date().toISOString() })
  const recruiter = await seed.recruiter(company.id, { name: 'Élise Vandamme', email: `${word}@exemple.fr` })
  const draft = await seed.offer(company.id, { title: `Intégrateur·rice ${word}`, status: 'draft' })
  const open = await seed.offer(company.id, { title: `Testeur·se ${word}` })
  const applicant = await seed.candidate({ email: `${word}-candidat@exemple.fr`, firstName: 'Nour', lastName: 'Delannoy' })
  await retryingWrite(() => createTestApplication(db, { offerId: open.id, candidateId: applicant.id }))
  await logIn(page, recruiter.email, SEEDED_PASSWORD)

  await viaMenu(page, 'Espace recruteur')
  await expect(page.getByRole('main')).toContainText(company.name)
  await fitsScreen(page)
  await page.goto(`/recruteur/offres/${draft.id}`)
  await page.getByRole('button', { name: 'Publier' }).click()
  await expect(page.getByRole('status')).toHaveText('Offre publiée : elle apparaît dans la recherche.')
  await fitsScreen(page)

  await page.goto(`/recruteur/offres/${open.id}/candidatures`)
  await fitsScreen(page)
  await page.getByRole('link', { name: 'Nour Delannoy' }).click()
  await page.getByLabel('Étape', { exact: true }).selectOption({ label: 'Entretien' })
  await page.getByRole('button', { name: 'Changer d’étape' }).click()
  await expect(page.getByRole('status')).toHaveText('Étape de la candidature changée.')
  await expect(page.getByText('étape : Entretien')).toBeVisible()
  await fitsScreen(page)
})

test('an organiser computes and exports a schedule', async ({ page, db }) => {
  await logIn(page, 'organisation@demo.passerelle.fr')
  const forum = await db.selectFrom('forums as f').innerJoin('users as u', 'u.id', 'f.organiser_id').select(['f.slug', 'f.name'])
    .where('u.email', '=', 'organisation@demo.passerelle.fr').where('f.status', '=', 'open').orderBy('f.id').executeTakeFirstOrThrow()
  await viaMenu(page, 'Espace organisation')
  await page.getByRole('link', { name: forum.name }).click()
  await fitsScreen(page)
  await page.getByRole('link', { name: 'Planning et correspondances' }).click()
  await page.getByRole('button', { name: 'Calculer le planning' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Planning calculé.' })).toBeVisible()
  await expect(page.getByText(/^Planning (optimal : [\d\u202f ]+ points, le maximum possible|à [\d,]+ % du maximum possible : .* au plus)\.$/)).toBeVisible()
  await fitsScreen(page)

  await page.goto(`/organisation/forums/${forum.slug}/tableau-de-bord`)
  await fitsScreen(page)
  const event = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Planning (CSV)' }).click()
  const file = await event
  const text = (await readFile((await file.path())!)).toString('utf8')
  expect(text.split('\n').filter((line) => line.trim()).length).toBeGreaterThan(1)
})

test('the legal pages are linked from the footer and from sign-up, and name the operator', async ({ page }) => {
  await page.goto('/inscription')
  await page.getByRole('main').getByRole('link', { name: 'politique de confidentialité' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Politique de confidentialité')
  await expect(page.getByRole('main')).toContainText('Après 700 jours sans connexion, nous vous prévenons par e-mail')
  await expect(page.getByRole('main')).toContainText('démonstration : à configurer')
  await fitsScreen(page)
  const footer = page.getByRole('navigation', { name: 'Informations légales' })
  await footer.getByRole('link', { name: 'Mentions légales' }).click()
  await expect(page.getByRole('heading', { name: 'Hébergement' })).toBeVisible()
  await footer.getByRole('link', { name: 'Conditions d’utilisation' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conditions d’utilisation')
})

import type { Browser, Page } from '@playwright/test'
import { tinyPdf } from './files.ts'
import { expect, test, uniqueWord } from './fixtures.ts'
import { messageFor } from './mailbox.ts'
import { logIn, signUp, openGroupOf } from './people.ts'

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage()
}

test('across roles: a recruiter posts, an admin approves, a candidate applies with a CV, the recruiter invites to an interview, the candidate sees it', async ({ browser, db }) => {
  test.setTimeout(90_000)
  const word = uniqueWord('traversee')
  const recruiterEmail = `${word}-rh@exemple.fr`
  const title = `Développeur·se ${word}`

  // 1. A recruiter of a new (unverified) company writes and publishes an offer: it waits for moderation.
  const recruiter = await newPage(browser)
  await signUp(recruiter, { role: 'recruiter', name: 'Bastien Lemaire', email: recruiterEmail })
  await recruiter.getByRole('link', { name: 'Espace recruteur' }).click()
  await recruiter.getByRole('link', { name: 'Créer une entreprise' }).click()
  await recruiter.getByLabel('Nom de l’entreprise').fill(`Navettes ${word}`)
  await recruiter.getByLabel('Activité (code NAF)').selectOption('62.01Z')
  await recruiter.getByLabel('Taille').selectOption('1-9')
  await recruiter.getByLabel('Commune').fill('Calais')
  await recruiter.getByLabel('Présentation').fill('Éditeur de logiciels pour les ferries du détroit, installé à Calais.')
  await recruiter.getByRole('button', { name: 'Créer l’entreprise' }).click()
  // The company page answers the creation: going elsewhere before it could cancel the form's submission.
  await expect(recruiter).toHaveURL(/\/entreprises\/navettes-/)
  await recruiter.goto('/recruteur')
  await recruiter.getByRole('link', { name: `Navettes ${word}` }).first().click()
  await recruiter.getByRole('link', { name: 'Nouvelle offre' }).click()
  await recruiter.getByLabel('Intitulé du poste').fill(title)
  await recruiter.getByLabel('Description (Markdown)').fill(`## Le poste\n\nVous développerez le suivi des traversées ${word} entre Calais et Douvres.`)
  await recruiter.getByLabel('Contrat').selectOption('cdi')
  await recruiter.getByLabel('Télétravail', { exact: true }).selectOption('hybrid')
  await recruiter.getByLabel('Expérience').selectOption('entry')
  await recruiter.getByRole('button', { name: 'Enregistrer le brouillon' }).click()
  await recruiter.getByRole('button', { name: 'Publier' }).click()
  await expect(recruiter.locator('.status')).toHaveText('En attente de modération')
  const offerEditUrl = recruiter.url()

  // Not searchable yet.
  const candidate = await newPage(browser)
  await candidate.goto(`/offres?q=${word}`)
  await expect(candidate.getByRole('link', { name: title })).toHaveCount(0)

  // 2. An admin approves it; the recruiter is told by e-mail.
  const admin = await newPage(browser)
  await logIn(admin, 'admin@demo.passerelle.fr')
  await admin.getByRole('link', { name: 'Modération' }).click()
  await admin.getByRole('link', { name: 'Offres en attente de validation' }).click()
  await admin.getByRole('link', { name: title }).click()
  await admin.getByRole('button', { name: 'Valider et publier' }).click()
  await expect(admin).toHaveURL(/\/admin\/offres\?fait=offre-approuvee$/)
  await expect(admin.getByRole('status')).toHaveText('Offre approuvée et publiée.')
  expect(await messageFor(recruiterEmail)).toContain(`L’offre « ${title} » a été validée par la modération`)

  // 3. A candidate finds it, builds a profile with a CV and applies.
  await signUp(candidate, { role: 'candidate', name: 'Lina Haddad', email: `${word}-lina@exemple.fr` })
  await candidate.getByRole('link', { name: 'Mon profil' }).click()
  await candidate.getByLabel('Prénom', { exact: true }).fill('Lina')
  await candidate.getByLabel('Nom', { exact: true }).fill('Haddad')
  await openGroupOf(candidate, candidate.getByLabel('TypeScript', { exact: true }))
  await candidate.getByLabel('TypeScript', { exact: true }).selectOption({ label: 'Avancé' })
  await candidate.getByRole('button', { name: 'Enregistrer mon profil' }).click()
  await expect(candidate.getByText('Votre profil est enregistré.')).toBeVisible()
  await candidate.getByLabel('Mon CV (PDF, 5 Mo au plus)').setInputFiles({ name: 'cv-lina.pdf', mimeType: 'application/pdf', buffer: tinyPdf() })
  await candidate.getByRole('button', { name: 'Envoyer mon CV' }).click()
  await expect(candidate.getByText('Votre CV est enregistré.')).toBeVisible()
  await candidate.goto(`/offres?q=${word}`)
  await candidate.getByRole('link', { name: title }).click()
  await candidate.getByRole('link', { name: 'Postuler' }).click()
  await candidate.getByLabel('Message à l’entreprise (facultatif, 3 000 caractères au plus)').fill('Bonjour, je connais bien le port : parlons-en !')
  await candidate.getByRole('button', { name: 'Envoyer ma candidature' }).click()
  await expect(candidate.getByText('Votre candidature est envoyée.')).toBeVisible()

  // 4. The recruiter reads the application, downloads the CV and moves it to "Entretien".
  await recruiter.goto(offerEditUrl)
  await recruiter.getByRole('link', { name: /1 candidature/ }).first().click()
  await recruiter.getByRole('link', { name: 'Lina Haddad' }).click()
  await expect(recruiter.getByText('Bonjour, je connais bien le port : parlons-en !')).toBeVisible()
  await expect(recruiter.getByText('TypeScript')).toBeVisible()
  const downloading = recruiter.waitForEvent('download')
  await recruiter.getByRole('link', { name: 'Télécharger le CV' }).click()
  const cv = await downloading
  expect(cv.suggestedFilename()).toBe('cv-lina.pdf')
  await recruiter.getByLabel('Étape', { exact: true }).selectOption({ label: 'Entretien' })
  await recruiter.getByRole('button', { name: 'Changer d’étape' }).click()
  await expect(recruiter.getByText('étape : Entretien')).toBeVisible()

  // 5. The candidate sees the new status.
  await candidate.getByRole('link', { name: 'Mes candidatures' }).click()
  const row = candidate.getByRole('row').filter({ hasText: title })
  await expect(row).toContainText('Entretien prévu')

  for (const page of [recruiter, candidate, admin]) await page.context().close()
  // The journey's rows: the offer and company stay as a record, the accounts go.
  await db.deleteFrom('users').where('email', 'in', [recruiterEmail, `${word}-lina@exemple.fr`]).execute()
})

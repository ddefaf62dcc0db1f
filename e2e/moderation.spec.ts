import type { Page } from '@playwright/test'
import { expect, test, uniqueWord } from './fixtures.ts'
import { messageFor } from './mailbox.ts'
import { logIn, signUp } from './people.ts'

async function logInAsAdmin(page: Page) {
  await logIn(page, 'admin@demo.passerelle.fr')
  await expect(page.getByRole('link', { name: 'Modération' })).toBeVisible()
}

test('a visitor reports an offer; an admin reads the report and takes the offer down', async ({ page, browser, seed }) => {
  const word = uniqueWord('signal')
  const company = await seed.company({ name: `Société ${word}` })
  const offer = await seed.offer(company.id, { title: `Gagnez 5000 € par jour ${word}` })

  const visitor = await browser.newPage()
  await visitor.goto(`/offres/${offer.slug}`)
  await visitor.getByRole('link', { name: 'Signaler cette offre' }).click()
  await visitor.getByLabel('Raison', { exact: true }).selectOption({ label: 'Autre raison' })
  await visitor.getByRole('button', { name: 'Envoyer le signalement' }).click()
  await expect(visitor.getByText('Expliquez en quelques mots ce qui ne va pas (10 caractères au moins).')).toBeVisible()
  await visitor.getByLabel('Raison', { exact: true }).selectOption({ label: 'Arnaque ou offre frauduleuse' })
  await visitor.getByLabel(/^Précisions/).fill('On me demande de payer une formation avant l’embauche.')
  await visitor.getByRole('button', { name: 'Envoyer le signalement' }).click()
  await expect(visitor.getByRole('status')).toContainText('votre signalement a été transmis')

  await logInAsAdmin(page)
  await page.getByRole('link', { name: 'Modération' }).click()
  await page.getByRole('link', { name: 'Signalements à traiter' }).click()
  const report = page.getByRole('listitem').filter({ hasText: offer.title })
  await expect(report).toContainText('Arnaque ou offre frauduleuse')
  await expect(report).toContainText('On me demande de payer une formation avant l’embauche.')
  await expect(report).toContainText('par un visiteur anonyme')
  await report.getByRole('button', { name: 'Retirer l’offre et classer' }).click()
  await expect(page.getByRole('listitem').filter({ hasText: offer.title })).toHaveCount(0)

  const gone = await visitor.goto(`/offres/${offer.slug}`)
  expect(gone?.status()).toBe(404)
  await visitor.goto(`/offres?q=${word}`)
  await expect(visitor.getByText(offer.title)).toHaveCount(0)
  await visitor.close()
})

test('an admin refuses a pending offer with a reason the recruiter receives by e-mail and reads on the offer', async ({ page, browser, seed, db }) => {
  const word = uniqueWord('attente')
  const company = await seed.company({ name: `Jeune pousse ${word}` })
  const offer = await seed.offer(company.id, { title: `Développeuse ${word}`, status: 'pending' })
  // A recruiter of that (unverified) company, signed up through the form.
  const recruiterEmail = `${word}@exemple.fr`
  const recruiter = await browser.newPage()
  await signUp(recruiter, { role: 'recruiter', name: 'Aurélie Fournier', email: recruiterEmail })
  const user = await db.selectFrom('users').select('id').where('email', '=', recruiterEmail).executeTakeFirstOrThrow()
  await db.insertInto('company_members').values({ company_id: company.id, user_id: user.id, role: 'owner', created_at: new Date().toISOString() }).execute()

  await logInAsAdmin(page)
  await page.goto('/admin/offres')
  await page.getByRole('link', { name: offer.title }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(offer.title)
  await expect(page.getByText('(entreprise non vérifiée)')).toBeVisible()
  await page.getByLabel('Raison du refus').fill('Non.')
  await page.getByRole('button', { name: 'Refuser l’offre' }).click()
  await expect(page.getByText(/La raison du refus doit compter au moins 10 caractères/)).toBeVisible()
  await page.getByLabel('Raison du refus').fill('Indiquez une fourchette de salaire et le lieu de travail précis.')
  await page.getByRole('button', { name: 'Refuser l’offre' }).click()
  await expect(page).toHaveURL(/\/admin\/offres\?fait=offre-refusee$/)
  await expect(page.getByRole('link', { name: offer.title })).toHaveCount(0)

  const mail = await messageFor(recruiterEmail)
  expect(mail).toContain('n’a pas été validée')
  expect(mail).toContain('Indiquez une fourchette de salaire et le lieu de travail précis.')
  const link = /http:\/\/localhost:\d+\/recruteur\/offres\/\d+/.exec(mail)?.[0]
  await recruiter.goto(link!)
  await expect(recruiter.getByRole('note')).toContainText('Indiquez une fourchette de salaire et le lieu de travail précis.')
  await expect(recruiter.getByText('Brouillon', { exact: true })).toBeVisible()
  await recruiter.close()
  await db.deleteFrom('users').where('id', '=', user.id).execute()
})

import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test, uniqueWord } from './fixtures.ts'

const PASSWORD = 'les dunes de la côte d’opale'

async function signUpCandidate(page: Page, email: string, name: string) {
  await page.goto('/inscription')
  await page.getByLabel('Candidat·e : je cherche un emploi, un stage ou une alternance').check()
  await page.getByLabel('Prénom et nom').fill(name)
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(PASSWORD)
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toContainText(name)
}

test('a candidate downloads their data, deletes their account with their password, and can no longer sign in', async ({ page, db }) => {
  const email = `${uniqueWord('zoe')}@exemple.fr`
  const name = 'Zoé Lefèvre-Ébène'
  await signUpCandidate(page, email, name)

  await page.getByRole('link', { name: `Mon compte (${name})` }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon compte')
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Télécharger mes données' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('passerelle-mes-donnees.json')
  const exported = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { account: { email: string; displayName: string } }
  expect(exported.account).toMatchObject({ email, displayName: name })
  expect(JSON.stringify(exported)).not.toMatch(/argon2|password/i)

  await page.getByRole('link', { name: 'Supprimer mon compte' }).click()
  await page.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe')
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click()
  await expect(page.getByText('Mot de passe incorrect : votre compte n’a pas été supprimé.')).toBeVisible()

  await page.getByLabel('Mot de passe actuel').fill(PASSWORD)
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compte supprimé')
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible()
  expect(await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined()

  await page.goto('/connexion')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(PASSWORD)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.')
})

test('deleting the account works without JavaScript too', async ({ browser, db }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  const email = `${uniqueWord('nojs')}@exemple.fr`
  await signUpCandidate(page, email, 'Noé Sansjs')
  await page.goto('/compte/supprimer')
  await page.getByLabel('Mot de passe actuel').fill(PASSWORD)
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compte supprimé')
  expect(await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined()
  // The session cookie went with the account: the account pages now ask to sign in.
  await page.goto('/compte')
  await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fcompte$/)
  await context.close()
})

test('a recruiter sees why they cannot delete their account here', async ({ page }) => {
  await page.goto('/connexion')
  await page.getByLabel('Adresse e-mail').fill('recruteur@demo.passerelle.fr')
  await page.getByLabel('Mot de passe').fill('passerelle-demo')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toContainText('Hugo Lefebvre')
  await page.goto('/compte')
  await expect(page.getByText('La suppression et l’export en ligne sont réservés aux comptes candidats.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Supprimer mon compte' })).toHaveCount(0)
  const refused = await page.goto('/compte/supprimer')
  expect(refused?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé')
})

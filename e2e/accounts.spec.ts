import { expect, test, uniqueWord } from './fixtures.ts'
import { openMailbox } from './mailbox.ts'

const PASSWORD = 'des mouettes sur le quai'

async function signUp(page: import('@playwright/test').Page, email: string, name = 'Camille Dufour') {
  await page.goto('/inscription')
  await page.getByLabel('Candidat·e : je cherche un emploi, un stage ou une alternance').check()
  await page.getByLabel('Prénom et nom').fill(name)
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(PASSWORD)
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toContainText(name)
}

test('a candidate signs up, signs out, is refused a wrong password, then signs in', async ({ page }) => {
  const email = `${uniqueWord('camille')}@exemple.fr`
  await signUp(page, email)

  await page.getByRole('button', { name: 'Se déconnecter' }).click()
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible()

  await page.goto('/connexion')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.')

  await page.getByLabel('Mot de passe').fill(PASSWORD)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toContainText('Camille Dufour')
})

test('the sign-up form explains in French what is wrong, even without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/inscription')
  await page.getByLabel('Adresse e-mail').fill('pas-une-adresse')
  await page.getByLabel('Mot de passe').fill('court')
  const response = page.waitForResponse((r) => r.url().includes('/inscription') && r.request().method() === 'POST')
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  expect((await response).status()).toBe(400)
  await expect(page.getByText('Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).')).toBeVisible()
  await expect(page.getByText('Le mot de passe doit compter au moins 10 caractères.')).toBeVisible()
  await expect(page.getByText('Choisissez : candidat·e ou recruteur·se.')).toBeVisible()
  // What was typed is kept, except the password.
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue('pas-une-adresse')
  await context.close()
})

test.describe('e-mail', () => {
test('password reset by e-mail, through a real SMTP server', async ({ page }) => {
  const mailbox = await openMailbox()
  try {
    const email = `${uniqueWord('reset')}@exemple.fr`
    await signUp(page, email, 'Noé Leroy')
    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    // Signed out for sure: otherwise the name in the menu below would prove nothing about the reset.
    await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible()

    await page.goto('/mot-de-passe-oublie')
    await page.getByLabel('Adresse e-mail').fill(email)
    await page.getByRole('button', { name: 'Recevoir un lien' }).click()
    await expect(page.getByRole('status')).toContainText('Si un compte existe pour cette adresse')

    const message = await mailbox.messageFor(email)
    const link = /http:\/\/localhost:\d+\/reinitialiser-mot-de-passe\?jeton=[\w-]+/.exec(message)?.[0]
    expect(link).toBeTruthy()
    await page.goto(link!)
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('un tout nouveau mot de passe')
    await page.getByLabel('Confirmation', { exact: true }).fill('un tout nouveau mot de passe')
    await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click()
    await expect(page).not.toHaveURL(/reinitialiser-mot-de-passe/)
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toContainText('Noé Leroy')

    // The link works once only.
    const again = await page.goto(link!)
    expect(again?.status()).toBe(400)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lien expiré')

    // The old password no longer opens the account.
    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible()
    await page.goto('/connexion')
    await page.getByLabel('Adresse e-mail').fill(email)
    await page.getByLabel('Mot de passe').fill(PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.')
  } finally {
    await mailbox.close()
  }
})

test('an unknown address gets the same answer and no e-mail', async ({ page }) => {
  const mailbox = await openMailbox()
  try {
    await page.goto('/mot-de-passe-oublie')
    await page.getByLabel('Adresse e-mail').fill('personne@exemple.fr')
    await page.getByRole('button', { name: 'Recevoir un lien' }).click()
    await expect(page.getByRole('status')).toContainText('Si un compte existe pour cette adresse')
    await expect(mailbox.messageFor('personne@exemple.fr', 2_000)).rejects.toThrow('Aucun courriel reçu')
  } finally {
    await mailbox.close()
  }
})
})

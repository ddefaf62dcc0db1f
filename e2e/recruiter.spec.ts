import { expect, test, uniqueWord } from './fixtures.ts'

test('a recruiter creates the company page; a wrong SIREN is explained; a candidate is kept out', async ({ page, browser }) => {
  const email = `${uniqueWord('recrue')}@exemple.fr`
  const name = `Atelier ${uniqueWord('Wissant')}`
  await page.goto('/inscription')
  await page.getByLabel('Recruteur·se : je recrute pour une entreprise').check()
  await page.getByLabel('Prénom et nom').fill('Margaux Ledoux')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill('un grand phare blanc')
  await page.getByRole('button', { name: 'Créer mon compte' }).click()

  await page.getByRole('link', { name: 'Espace recruteur' }).click()
  await expect(page.getByText('Vous n’êtes encore membre d’aucune entreprise.')).toBeVisible()
  await page.getByRole('link', { name: 'Créer une entreprise' }).click()
  await page.getByLabel('Nom de l’entreprise').fill(name)
  await page.getByLabel('SIREN ou SIRET (facultatif)').fill('216 201 938')
  await page.getByLabel('Activité (code NAF)').selectOption('62.01Z')
  await page.getByLabel('Taille').selectOption('1-9')
  await page.getByLabel('Commune').selectOption({ label: 'Wimereux (Boulonnais)' })
  await page.getByLabel('Présentation').fill('Studio de développement web installé face à la mer, à Wimereux.')
  await page.getByRole('button', { name: 'Créer l’entreprise' }).click()
  await expect(page.getByText('Ce numéro ne passe pas le contrôle de l’INSEE (clé de Luhn) : vérifiez-le.')).toBeVisible()

  await page.getByLabel('SIREN ou SIRET (facultatif)').fill('216 201 939')
  await page.getByRole('button', { name: 'Créer l’entreprise' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(page.getByText('Wimereux (Boulonnais)')).toBeVisible()

  await page.goto('/recruteur')
  await expect(page.getByRole('listitem').filter({ hasText: name })).toContainText('propriétaire')

  // A candidate is refused the recruiters' space.
  const other = await browser.newContext()
  const candidate = await other.newPage()
  await candidate.goto('/inscription')
  await candidate.getByLabel('Candidat·e : je cherche un emploi, un stage ou une alternance').check()
  await candidate.getByLabel('Prénom et nom').fill('Jules Caron')
  await candidate.getByLabel('Adresse e-mail').fill(`${uniqueWord('jules')}@exemple.fr`)
  await candidate.getByLabel('Mot de passe').fill('une longue marée basse')
  await candidate.getByRole('button', { name: 'Créer mon compte' }).click()
  await expect(candidate.getByRole('navigation', { name: 'Navigation principale' })).toContainText('Jules Caron')
  const response = await candidate.goto('/recruteur/entreprises/nouvelle')
  expect(response?.status()).toBe(403)
  await expect(candidate.getByRole('heading', { level: 1 })).toHaveText('Accès refusé')
  await other.close()
})

test('an anonymous visitor is sent to the login page, and back after signing in', async ({ page }) => {
  await page.goto('/recruteur')
  await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Frecruteur/)
  await page.getByLabel('Adresse e-mail').fill('recruteur@demo.passerelle.fr')
  await page.getByLabel('Mot de passe').fill('passerelle-demo')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page).toHaveURL(/\/recruteur$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace recruteur')
  await expect(page.getByText('propriétaire')).toBeVisible()
})

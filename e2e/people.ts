import type { Page } from '@playwright/test'
import { expect } from './fixtures.ts'

const ROLE_LABELS = {
  candidate: 'Candidat·e : je cherche un emploi, un stage ou une alternance',
  recruiter: 'Recruteur·se : je recrute pour une entreprise',
} as const

/** Signs up through the form, as a person would; the page is then signed in. */
export async function signUp(
  page: Page,
  { role, name, email, password = 'les dunes de la côte d’Opale' }: { role: keyof typeof ROLE_LABELS; name: string; email: string; password?: string },
) {
  await page.goto('/inscription')
  await page.getByLabel(ROLE_LABELS[role]).check()
  await page.getByLabel('Prénom et nom').fill(name)
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(password)
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toContainText(name)
}

/** Signs in through the form; the demo accounts share the demo password. */
export async function logIn(page: Page, email: string, password = 'passerelle-demo') {
  await page.goto('/connexion')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  // On a phone the button sits in the folded menu: signed in is when it is on the page.
  await expect(page.getByRole('button', { name: 'Se déconnecter', includeHidden: true })).toBeAttached()
}

/** Opens, by its summary as a person would, the folded group of the skill picker that holds this field (if closed). */
export async function openGroupOf(page: Page, field: ReturnType<Page['getByLabel']>) {
  const group = page.locator('details.skill-picker__group').filter({ has: field })
  if (!(await group.evaluate((details) => (details as HTMLDetailsElement).open))) await group.locator('> summary').click()
}

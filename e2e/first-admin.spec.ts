import { execFileSync } from 'node:child_process'
import { expect, test, type Page } from '@playwright/test'
import { startServer, type ServerProcess } from './server-process.ts'

/**
 * A real install: DEMO_DATA=false, so nobody is admin. The README's one
 * command makes the first admin, who chooses a password with the printed link
 * and appoints an organiser in the browser; the organiser can then work, and
 * loses the space once the role is removed.
 */
const PORT = Number(process.env.E2E_FRESH_PORT ?? Number(process.env.E2E_PORT ?? 3123) + 2)
let app: ServerProcess

test.describe.configure({ mode: 'serial' })
test.beforeAll(async () => {
  test.setTimeout(120_000)
  app = await startServer({ port: PORT, env: { DEMO_DATA: 'false', WEB_CONCURRENCY: '1', PUBLIC_URL: `http://localhost:${PORT}` } })
})
test.afterAll(async () => {
  await app?.stop()
})
test.use({ baseURL: `http://localhost:${PORT}` })

const userRole = (...args: string[]) =>
  execFileSync('npm', ['run', '--silent', 'user:role', '--', ...args], {
    env: { ...process.env, DATABASE_PATH: app.databasePath, PUBLIC_URL: `http://localhost:${PORT}`, SMTP_URL: '' },
    encoding: 'utf8',
  })

async function signUp(page: Page, email: string, name: string) {
  await page.goto('/inscription')
  await page.getByLabel('Candidat·e : je cherche un emploi, un stage ou une alternance').check()
  await page.getByLabel('Prénom et nom').fill(name)
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill('une phrase de passe solide')
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toContainText(name)
}

test('the first admin comes from one command and appoints an organiser in the browser', async ({ page, browser }) => {
  // Nothing to moderate with: the fresh install has no admin.
  const output = userRole('--email', 'direction@cap-numeric.example', '--role', 'admin')
  expect(output).toContain('Compte admin créé pour direction@cap-numeric.example.')
  const link = /http:\/\/localhost:\d+\/reinitialiser-mot-de-passe\?jeton=[\w-]+/.exec(output)?.[0]
  expect(link, output).toBeTruthy()
  await page.goto(link!)
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('le beffroi veille sur Calais')
  await page.getByLabel('Confirmation', { exact: true }).fill('le beffroi veille sur Calais')
  await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click()
  await expect(page.getByRole('link', { name: 'Modération' })).toBeVisible()

  // Someone signs up as a candidate; the admin appoints them.
  const organiserContext = await browser.newContext()
  const organiser = await organiserContext.newPage()
  await signUp(organiser, 'forum@cap-numeric.example', 'Inès Caron')
  expect((await organiser.goto('/organisation'))?.status()).toBe(403)
  expect((await organiser.goto('/admin/roles'))?.status()).toBe(403)

  await page.getByRole('link', { name: 'Modération' }).click()
  await page.getByRole('link', { name: /Organisation et administration/ }).click()
  await page.getByLabel('Adresse e-mail du compte').fill('inconnue@cap-numeric.example')
  await page.getByRole('button', { name: 'Nommer' }).click()
  await expect(page.getByRole('alert')).toContainText('Aucun compte n’utilise l’adresse inconnue@cap-numeric.example')
  await page.getByLabel('Adresse e-mail du compte').fill('forum@cap-numeric.example')
  await page.getByLabel('Rôle').selectOption({ label: 'Organisateur·rice' })
  await page.getByRole('button', { name: 'Nommer' }).click()
  await expect(page.getByRole('row', { name: /forum@cap-numeric\.example/ })).toContainText('Organisateur·rice')

  // The organiser's space opens at once (roles are read on every request), the admin page stays closed.
  expect((await organiser.goto('/organisation'))?.status()).toBe(200)
  await expect(organiser.getByRole('link', { name: 'Espace organisation' })).toBeVisible()
  expect((await organiser.goto('/admin/roles'))?.status()).toBe(403)
  const forged = await organiser.request.post('/admin/roles', { form: { intent: 'appoint', email: 'forum@cap-numeric.example', role: 'admin' }, maxRedirects: 0 })
  expect(forged.status()).toBe(403)

  // Removed, the account is a candidate again.
  await page.getByRole('button', { name: 'Retirer le rôle de forum@cap-numeric.example' }).click()
  await expect(page.getByRole('row', { name: /forum@cap-numeric\.example/ })).toHaveCount(0)
  expect((await organiser.goto('/organisation'))?.status()).toBe(403)
  await organiserContext.close()

  // The command refuses to remove the last admin, and promotes an existing account without touching its password.
  expect(() => userRole('--email', 'direction@cap-numeric.example', '--role', 'admin', '--remove')).toThrow()
  expect(userRole('--email', 'forum@cap-numeric.example', '--role', 'organiser')).toContain('son mot de passe ne change pas')
})

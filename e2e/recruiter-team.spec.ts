import type { APIRequestContext } from '@playwright/test'
import { expect, test, uniqueWord } from './fixtures.ts'
import { openMailbox } from './mailbox.ts'

const PASSWORD = 'la digue au petit matin'

/** A recruiter with their own company, signed in in `request`'s browser context. */
async function recruiterWithCompany(request: APIRequestContext, name: string) {
  const signedUp = await request.post('/inscription', {
    form: { role: 'recruiter', displayName: 'Hélène Caron', email: `${uniqueWord('proprio')}@exemple.fr`, password: PASSWORD },
    maxRedirects: 0,
  })
  expect(signedUp.status()).toBe(302)
  const created = await request.post('/recruteur/entreprises/nouvelle', {
    form: { name, nafCode: '62.01Z', sizeBand: '1-9', communeInsee: '62160', description: 'Une agence web qui agrandit son équipe à Boulogne.' },
    maxRedirects: 0,
  })
  expect(created.status()).toBe(302)
  return new URL(created.headers()['location']!, 'http://x').pathname.replace('/entreprises/', '')
}

test('an owner invites a teammate by e-mail; the teammate signs up through the link, joins and sees the offers', async ({ page, browser, db, seed }) => {
  const mailbox = await openMailbox()
  try {
    const companyName = `Agence ${uniqueWord('Equipe')}`
    const slug = await recruiterWithCompany(page.request, companyName)
    const company = await db.selectFrom('companies').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
    const offer = await seed.offer(company.id, { title: `Intégrateur·rice ${uniqueWord('web')}` })

    await page.goto(`/recruteur/entreprises/${slug}/equipe`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Équipe de ${companyName}`)
    await expect(page.getByRole('row').filter({ hasText: 'Hélène Caron' })).toContainText('Propriétaire')
    const invite = page.getByLabel('Adresse e-mail de la personne à inviter')
    await invite.fill('pas-une-adresse')
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click()
    await expect(page.getByText('Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).')).toBeVisible()

    const teammate = `${uniqueWord('recrue')}@exemple.fr`
    await invite.fill(teammate)
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click()
    await expect(page.getByRole('status')).toHaveText('Invitation envoyée.')
    await expect(page.getByRole('listitem').filter({ hasText: teammate })).toBeVisible()

    const message = await mailbox.messageFor(teammate)
    expect(message).toContain(companyName)
    const link = /http:\/\/localhost:\d+\/invitation\?jeton=[\w-]+/.exec(message)?.[0]
    expect(link).toBeTruthy()

    const other = await browser.newContext()
    const newcomer = await other.newPage()
    await newcomer.goto(link!)
    await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText(`Invitation à rejoindre ${companyName}`)
    await newcomer.getByRole('link', { name: 'Créer un compte recruteur' }).click()
    await expect(newcomer.getByLabel('Recruteur·se : je recrute pour une entreprise')).toBeChecked()
    await newcomer.getByLabel('Prénom et nom').fill('Bastien Marchand')
    await newcomer.getByLabel('Adresse e-mail').fill(teammate)
    await newcomer.getByLabel('Mot de passe').fill(PASSWORD)
    await newcomer.getByRole('button', { name: 'Créer mon compte' }).click()

    // Back on the invitation, now signed in with the invited address.
    await expect(newcomer).toHaveURL(/\/invitation\?jeton=/)
    await newcomer.getByRole('button', { name: 'Rejoindre l’équipe' }).click()
    await expect(newcomer).toHaveURL(new RegExp(`/recruteur/entreprises/${slug}/offres\\?fait=equipe-rejointe$`))
    await expect(newcomer.getByRole('link', { name: offer.title, exact: true })).toBeVisible()

    // The link served once.
    const again = await newcomer.goto(link!)
    expect(again?.status()).toBe(404)
    await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText('Invitation introuvable')
    await other.close()

    await page.reload()
    await expect(page.getByRole('row').filter({ hasText: 'Bastien Marchand' })).toContainText('Membre')
    await expect(page.getByText('Aucune invitation en attente.')).toBeVisible()
  } finally {
    await mailbox.close()
  }
})

test('without JavaScript, a member edits the company page and its logo, shown on the public page', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  const companyName = `Atelier ${uniqueWord('Logo')}`
  const slug = await recruiterWithCompany(page.request, companyName)
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

  await page.goto(`/recruteur/entreprises/${slug}`)
  await page.getByLabel('Logo (facultatif)').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('pas une image') })
  const refused = page.waitForResponse((r) => r.request().method() === 'POST')
  await page.getByRole('button', { name: 'Enregistrer' }).click()
  expect((await refused).status()).toBe(415)
  await expect(page.getByText('Le logo doit être une image PNG, JPEG ou WebP.')).toBeVisible()

  await page.getByLabel('Nom de l’entreprise').fill(`${companyName} & fils`)
  await page.getByLabel('Logo (facultatif)').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png })
  await page.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(page.getByRole('status')).toHaveText('Modifications enregistrées.')

  await page.goto(`/entreprises/${slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${companyName} & fils`)
  const logo = page.getByRole('img', { name: `Logo de ${companyName} & fils` })
  await expect(logo).toBeVisible()
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1)
  const served = await page.request.get(`/entreprises/${slug}/logo`)
  expect(served.headers()['content-type']).toBe('image/png')
  expect(served.headers()['x-content-type-options']).toBe('nosniff')
  await context.close()
})

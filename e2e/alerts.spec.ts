import { indexOffer } from '#search/embedded/offer-index.ts'
import { expect, retryingWrite, SEEDED_PASSWORD, test, uniqueWord } from './fixtures.ts'
import { messagesFor, messageFor } from './mailbox.ts'
import { makeAlertsDue, runMaintenance } from './maintenance.ts'
import { logIn } from './people.ts'

const link = (mail: string, path: string) => {
  const found = new RegExp(`http://localhost:\\d+${path.replace(/[?]/g, '\\?')}\\?jeton=[A-Za-z0-9_-]+`).exec(mail)?.[0]
  if (!found) throw new Error(`Pas de lien ${path} dans le courriel`)
  return found
}

test('a visitor without JavaScript creates an alert, confirms it from the mail, gets exactly one mail for a new offer, and the unsubscribe link stops the next', async ({ browser, seed, db, baseURL }) => {
  test.setTimeout(120_000)
  const word = uniqueWord('balise')
  const email = `${word}@exemple.fr`

  // 1. The alert form works without JavaScript; nothing is sent but the confirmation.
  const visitorContext = await browser.newContext({ javaScriptEnabled: false })
  const visitor = await visitorContext.newPage()
  await visitor.goto(`/offres?q=${word}&contrat=cdi`)
  await visitor.getByRole('link', { name: 'Créer une alerte' }).click()
  await expect(visitor.getByRole('heading', { name: 'Créer une alerte' })).toBeVisible()
  await expect(visitor.getByText(`« ${word} » · CDI`)).toBeVisible()
  await visitor.getByLabel('Fréquence').selectOption({ label: 'Chaque semaine' })
  await visitor.getByLabel('Adresse e-mail').fill('pas-une-adresse')
  await visitor.getByRole('button', { name: 'Créer l’alerte' }).click()
  await expect(visitor.getByText('Cette adresse e-mail n’est pas valide')).toBeVisible()
  await visitor.getByLabel('Adresse e-mail').fill(email)
  await visitor.getByRole('button', { name: 'Créer l’alerte' }).click()
  await expect(visitor.getByRole('status')).toContainText('ouvrez le lien qu’il contient pour activer l’alerte')
  const confirmation = await messageFor(email)
  expect(confirmation).toContain('Subject: Confirmez votre alerte Passerelle')

  // Before confirmation, a matching offer and a due run send nothing.
  const company = await seed.company({ name: `Phares ${word}`, verified_at: new Date().toISOString() })
  await seed.offer(company.id, { title: `Technicien·ne ${word} avant confirmation`, contract_type: 'cdi' })
  await makeAlertsDue(db, [email])
  await runMaintenance(baseURL!)
  expect(messagesFor(email)).toHaveLength(1)

  // 2. The link opens a page; the button confirms (a GET alone, as scanners do, confirms nothing).
  await visitor.goto(link(confirmation, '/alertes/confirmer'))
  await expect(visitor.getByRole('heading', { name: 'Confirmer votre alerte' })).toBeVisible()
  await visitor.getByRole('button', { name: 'Confirmer mon alerte' }).click()
  await expect(visitor.getByRole('status')).toContainText('Votre alerte est active')

  // 3. A recruiter of a verified company publishes a matching offer (and one of another contract).
  const recruiter = await seed.recruiter(company.id, { name: 'Maëlle Fournier', email: `${word}-rh@exemple.fr` })
  const recruiterPage = await (await browser.newContext()).newPage()
  await logIn(recruiterPage, recruiter.email, SEEDED_PASSWORD)
  const title = `Développeur·se ${word} des phares`
  await recruiterPage.goto(`/recruteur/entreprises/${company.slug}/offres/nouvelle`)
  await recruiterPage.getByLabel('Intitulé du poste').fill(title)
  await recruiterPage.getByLabel('Description (Markdown)').fill(`## Le poste\n\nVous suivrez les balises ${word} de la côte d’Opale.`)
  await recruiterPage.getByLabel('Contrat').selectOption('cdi')
  await recruiterPage.getByLabel('Télétravail', { exact: true }).selectOption('hybrid')
  await recruiterPage.getByLabel('Expérience').selectOption('entry')
  await recruiterPage.getByRole('button', { name: 'Enregistrer le brouillon' }).click()
  await recruiterPage.getByRole('button', { name: 'Publier' }).click()
  await expect(recruiterPage.getByRole('status')).toContainText('Offre publiée')
  await seed.offer(company.id, { title: `Stage ${word} au phare`, contract_type: 'stage' })

  // 4. The maintenance run sends exactly one mail, listing that offer only, with the RFC 8058 headers.
  await makeAlertsDue(db, [email])
  await runMaintenance(baseURL!)
  await expect.poll(() => messagesFor(email).length).toBe(2)
  const alertMail = messagesFor(email)[1]!
  expect(alertMail).toContain(`1 nouvelle offre pour votre alerte`)
  expect(alertMail).toContain(title)
  expect(alertMail).not.toContain(`Stage ${word}`)
  expect(alertMail).not.toContain('avant confirmation')
  expect(alertMail).toMatch(/Content-Type: text\/html/)
  expect(alertMail).toMatch(/^List-Unsubscribe:\s+<http:\/\/localhost:\d+\/alertes\/desabonnement\?jeton=[A-Za-z0-9_-]+>/m)
  expect(alertMail).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m)

  // Run again at once: nothing new, no mail.
  await makeAlertsDue(db, [email])
  await runMaintenance(baseURL!)
  expect(messagesFor(email)).toHaveLength(2)

  // 5. The unsubscribe link (no JavaScript) stops the next one.
  await visitor.goto(link(alertMail, '/alertes/desabonnement'))
  await visitor.getByRole('button', { name: 'Ne plus recevoir cette alerte' }).click()
  await expect(visitor.getByRole('status')).toContainText('cette alerte est supprimée')
  await seed.offer(company.id, { title: `Développeur·se ${word} après désabonnement`, contract_type: 'cdi' })
  await makeAlertsDue(db, [email])
  await runMaintenance(baseURL!)
  expect(messagesFor(email)).toHaveLength(2)

  await visitorContext.close()
  await recruiterPage.context().close()
  // The offer published in the browser is not the seed's: it goes here, before its company.
  await retryingWrite(() => db.transaction().execute(async (trx) => {
    const published = await trx.selectFrom('offers').select('id').where('company_id', '=', company.id).execute()
    for (const { id } of published) {
      await trx.deleteFrom('offers').where('id', '=', id).execute()
      await indexOffer(trx, id)
    }
  }))
})

test('a signed-in candidate creates an alert in one click, manages it in "Mes alertes", and a mail provider’s one-click POST (RFC 8058) removes it', async ({ page, seed, db, request }) => {
  const word = uniqueWord('vigie')
  const candidate = await seed.candidate({ email: `${word}@exemple.fr`, firstName: 'Inès', lastName: 'Vigier' })
  await logIn(page, candidate.email, SEEDED_PASSWORD)
  await page.goto(`/offres?q=${word}`)
  await page.getByRole('button', { name: 'Créer une alerte' }).click()
  await expect(page).toHaveURL(/\/compte\/alertes\?fait=alerte-creee$/)
  await expect(page.getByRole('heading', { name: `« ${word} »` })).toBeVisible()
  await page.getByRole('button', { name: `Mettre en pause « « ${word} » »` }).click()
  await expect(page.getByText('En pause ·')).toBeVisible()
  await page.getByRole('button', { name: `Reprendre « « ${word} » »` }).click()
  await page.getByLabel('Fréquence').selectOption({ label: 'Chaque semaine' })
  await page.getByRole('button', { name: `Enregistrer la fréquence de « « ${word} » »` }).click()
  await expect(page.getByText('Active · chaque semaine')).toBeVisible()

  const { token } = await db.selectFrom('alerts').select('token').where('user_id', '=', candidate.id).executeTakeFirstOrThrow()
  // As Gmail does: a POST from its own servers, no cookie, a foreign Origin, the RFC 8058 body.
  const oneClick = await request.post(`/alertes/desabonnement?jeton=${token}`, {
    form: { 'List-Unsubscribe': 'One-Click' },
    headers: { Origin: 'https://mail.google.com' },
  })
  expect(oneClick.status()).toBe(200)
  await page.reload()
  await expect(page.getByText('Vous n’avez pas d’alerte.')).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a signed-in candidate creates an alert in one click, pauses, resumes, changes the frequency, edits the search and deletes it', async ({ page, seed }) => {
    const word = uniqueWord('amer')
    const candidate = await seed.candidate({ email: `${word}@exemple.fr`, firstName: 'Noé', lastName: 'Amer' })
    await logIn(page, candidate.email, SEEDED_PASSWORD)
    await page.goto(`/offres?q=${word}&contrat=cdi`)
    await page.getByRole('button', { name: 'Créer une alerte' }).click()
    await expect(page).toHaveURL(/\/compte\/alertes\?fait=alerte-creee$/)
    const label = `« ${word} » · CDI`
    await expect(page.getByRole('heading', { name: label })).toBeVisible()
    await page.getByRole('button', { name: `Mettre en pause « ${label} »` }).click()
    await expect(page.getByText('En pause · chaque jour')).toBeVisible()
    await page.getByRole('button', { name: `Reprendre « ${label} »` }).click()
    await expect(page.getByText('Active · chaque jour')).toBeVisible()
    await page.getByLabel('Fréquence').selectOption({ label: 'Chaque semaine' })
    await page.getByRole('button', { name: `Enregistrer la fréquence de « ${label} »` }).click()
    await expect(page.getByText('Active · chaque semaine')).toBeVisible()
    // "Modifier la recherche": the search page keeps the alert through a new search, then saves the search shown.
    await page.getByRole('link', { name: `Modifier la recherche de « ${label} »` }).click()
    await page.getByLabel('Métier, compétence, entreprise').fill(`${word} phare`)
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`pour « ${word} phare »`)
    await page.getByRole('button', { name: 'Mettre à jour l’alerte' }).click()
    await expect(page.getByRole('status')).toContainText('Recherche de l’alerte mise à jour')
    const edited = `« ${word} phare » · CDI`
    await expect(page.getByRole('heading', { name: edited })).toBeVisible()
    await expect(page.getByText('Active · chaque semaine')).toBeVisible()
    await page.getByRole('button', { name: `Supprimer « ${edited} »` }).click()
    await expect(page.getByText('Vous n’avez pas d’alerte.')).toBeVisible()
  })
})

import { expect, SEEDED_PASSWORD, test, uniqueWord } from './fixtures.ts'
import { messageFor, messagesFor } from './mailbox.ts'
import { logIn } from './people.ts'

test('a candidate applies and is told, the recruiter is told, moves the application to "Entretien", and the candidate is told in their own words', async ({ browser, seed }) => {
  test.setTimeout(90_000)
  const word = uniqueWord('ecluse')
  const company = await seed.company({ name: `Écluses ${word}`, verified_at: new Date().toISOString() })
  const recruiter = await seed.recruiter(company.id, { name: 'Yann Le Goff', email: `${word}-rh@exemple.fr` })
  const offer = await seed.offer(company.id, { title: `Développeur·se ${word}` })
  const candidate = await seed.candidate({ email: `${word}-cand@exemple.fr`, firstName: 'Rose', lastName: 'Delattre' })

  const candidatePage = await (await browser.newContext()).newPage()
  await logIn(candidatePage, candidate.email, SEEDED_PASSWORD)
  await candidatePage.goto(`/offres/${offer.slug}`)
  await candidatePage.getByRole('link', { name: 'Postuler' }).click()
  await candidatePage.getByRole('button', { name: 'Envoyer ma candidature' }).click()
  await expect(candidatePage.getByText('Votre candidature est envoyée.')).toBeVisible()

  const confirmation = await messageFor(candidate.email)
  expect(confirmation).toContain(`Votre candidature à l’offre « ${offer.title} » de ${company.name} est envoyée`)
  expect(confirmation).toMatch(/http:\/\/localhost:\d+\/compte\/notifications/)
  const notice = await messageFor(recruiter.email)
  expect(notice).toContain(`Rose Delattre a postulé à l’offre « ${offer.title} »`)
  const applicationUrl = /http:\/\/localhost:\d+(\/recruteur\/candidatures\/\d+)/.exec(notice)?.[1]
  expect(applicationUrl).toBeTruthy()
  expect(notice).toMatch(/http:\/\/localhost:\d+\/compte\/notifications/)

  // The recruiter follows the mail's link and moves the application to "Entretien".
  const recruiterPage = await (await browser.newContext()).newPage()
  await logIn(recruiterPage, recruiter.email, SEEDED_PASSWORD)
  await recruiterPage.goto(applicationUrl!)
  await recruiterPage.getByLabel('Étape', { exact: true }).selectOption({ label: 'Entretien' })
  await recruiterPage.getByRole('button', { name: 'Changer d’étape' }).click()
  await expect(recruiterPage.getByText('étape : Entretien')).toBeVisible()
  await expect.poll(() => messagesFor(candidate.email).length).toBe(2)
  const stage = messagesFor(candidate.email)[1]!
  expect(stage).toContain('L’entreprise souhaite vous rencontrer en entretien')
  expect(stage).toContain(offer.title)

  // A candidate who turns the updates off gets no more of them.
  await candidatePage.goto('/compte/notifications')
  await candidatePage.getByLabel('Un e-mail quand je postule et à chaque étape de mes candidatures').uncheck()
  await candidatePage.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(candidatePage.getByRole('status')).toHaveText('Vos préférences de notification sont enregistrées.')
  await recruiterPage.getByLabel('Étape', { exact: true }).selectOption({ label: 'Proposition' })
  await recruiterPage.getByRole('button', { name: 'Changer d’étape' }).click()
  await expect(recruiterPage.getByText('étape : Proposition')).toBeVisible()
  await new Promise((resolve) => setTimeout(resolve, 500))
  expect(messagesFor(candidate.email)).toHaveLength(2)

  await candidatePage.context().close()
  await recruiterPage.context().close()
})

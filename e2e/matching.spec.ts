import type { Browser, Page } from '@playwright/test'
import { saveOwnProfile, setOwnVisibility } from '#db/queries/candidate-profiles.ts'
import { expect, retryingWrite, test, uniqueWord } from './fixtures.ts'
import { messageFor } from './mailbox.ts'
import { signUp } from './people.ts'

async function signUpIn(browser: Browser, role: 'candidate' | 'recruiter', name: string, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signUp(page, { role, name, email })
  return page
}

test('matching: the candidate sees offers for them with reasons; a recruiter finds the profile, asks for contact; once accepted, sees the e-mail', async ({ browser, db, seed }) => {
  test.setTimeout(90_000)
  const word = uniqueWord('appariement')
  const lastName = `Wallet${word}`
  const candidateEmail = `${word}-candidate@exemple.fr`
  const company = await seed.company({ name: `Opale Web ${word}`, commune_insee: '62193', verified_at: new Date().toISOString() })
  const offer = await seed.offer(company.id, {
    title: `Développeur·se PHP ${word}`, contract_type: 'alternance', experience_level: 'entry', commune_insee: '62193',
    skills: [{ slug: 'php', required: true }, { slug: 'symfony', required: true }, { slug: 'mysql', required: false }],
  })

  // A BTS SIO SLAM graduate from Calais: signs up, her profile is written with the board's own query, visible to recruiters.
  const candidate = await signUpIn(browser, 'candidate', `Océane ${lastName}`, candidateEmail)
  const { id: candidateId } = await db.selectFrom('users').select('id').where('email', '=', candidateEmail).executeTakeFirstOrThrow()
  await retryingWrite(() => saveOwnProfile(db, candidateId, {
    firstName: 'Océane', lastName, school: 'Lycée Léonard de Vinci, Calais', programme: 'BTS SIO option SLAM', degreeLevel: 'bac2',
    graduationYear: new Date().getFullYear(), communeInsee: '62193', mobilityKm: 20, remotePreference: 'any', contractTypes: ['alternance'],
    availableFrom: null, bio: 'Je cherche une alternance en développement web à Calais.', links: [],
    skills: [{ slug: 'php', level: 3 }, { slug: 'symfony', level: 2 }, { slug: 'sql', level: 3 }], languages: [],
  }, new Date()))
  await retryingWrite(() => setOwnVisibility(db, candidateId, true, new Date()))

  await candidate.getByRole('link', { name: 'Offres pour vous' }).click()
  await expect(candidate.getByRole('heading', { name: 'Offres pour vous' })).toBeVisible()
  const card = candidate.getByRole('listitem').filter({ has: candidate.getByRole('link', { name: offer.title }) })
  await expect(card).toContainText('Compétences demandées présentes : PHP, Symfony')
  await expect(card).toContainText('Alternance compatible')
  await expect(card).toContainText('dans le rayon de mobilité')
  await expect(card).toContainText(/Correspondance : \d+ \/ 100/)

  // A recruiter of the (verified) company.
  const recruiterEmail = `${word}-rh@exemple.fr`
  const recruiter = await signUpIn(browser, 'recruiter', 'Hugo Caron', recruiterEmail)
  const { id: recruiterId } = await db.selectFrom('users').select('id').where('email', '=', recruiterEmail).executeTakeFirstOrThrow()
  await retryingWrite(() => db.insertInto('company_members')
    .values({ company_id: company.id, user_id: recruiterId, role: 'owner', created_at: new Date().toISOString() }).execute())
  await recruiter.goto(`/recruteur/offres/${offer.id}`)
  await recruiter.getByRole('link', { name: 'Profils correspondants' }).click()
  await expect(recruiter.getByRole('heading', { name: `Profils correspondants à « ${offer.title} »` })).toBeVisible()
  const profile = recruiter.getByRole('listitem').filter({ has: recruiter.getByRole('heading', { name: 'Océane W.', exact: true }) })
  await expect(profile).toContainText('BTS SIO option SLAM')
  await expect(profile).toContainText('Calais')
  // Neither the last name nor the e-mail before the candidate accepts.
  await expect(recruiter.locator('main')).not.toContainText(lastName)
  await expect(recruiter.locator('main')).not.toContainText(candidateEmail)

  await profile.getByText('Demander à contacter Océane W.').click()
  await profile.getByLabel('Message', { exact: true }).fill('Bonjour')
  await profile.getByRole('button', { name: 'Envoyer la demande' }).click()
  await expect(profile.getByText('Écrivez un court message de présentation (10 caractères au moins).')).toBeVisible()
  await profile.getByLabel('Message', { exact: true }).fill('Bonjour Océane, notre équipe recrute une alternante PHP à Calais : parlons-en !')
  await profile.getByRole('button', { name: 'Envoyer la demande' }).click()
  await expect(recruiter.getByRole('status')).toHaveText('Votre demande de contact est envoyée.')
  await expect(recruiter.getByText('Demande de contact envoyée, en attente de réponse.')).toBeVisible()

  // She is told by e-mail, with the company's name only, and follows the link to answer.
  const mail = await messageFor(candidateEmail)
  expect(mail).toContain(`${company.name} a vu votre profil sur Passerelle et souhaite vous contacter`)
  expect(mail).not.toContain(recruiterEmail)
  expect(mail).not.toContain('Hugo Caron')
  expect(mail).not.toContain('notre équipe recrute')
  const link = mail.match(/http:\/\/\S+\/candidat\/contacts/)![0]
  await candidate.goto(link)
  await expect(candidate.getByRole('heading', { level: 1 })).toHaveText('Demandes de contact')

  // The candidate accepts.
  const request = candidate.getByRole('listitem').filter({ has: candidate.getByRole('heading', { name: company.name }) })
  await expect(request).toContainText('notre équipe recrute une alternante PHP')
  await expect(request).toContainText(offer.title)
  await request.getByRole('button', { name: 'Accepter et partager mes coordonnées' }).click()
  await expect(candidate.getByRole('status')).toContainText('Demande acceptée')

  // The recruiter now sees the full name and the e-mail.
  await recruiter.reload()
  await expect(recruiter.getByRole('heading', { name: `Océane ${lastName}` })).toBeVisible()
  await expect(recruiter.getByRole('link', { name: candidateEmail })).toHaveAttribute('href', `mailto:${candidateEmail}`)

  await db.deleteFrom('company_members').where('company_id', '=', company.id).execute()
})

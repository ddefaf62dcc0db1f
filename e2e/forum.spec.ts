import type { Browser, Page } from '@playwright/test'
import { createTestCandidate } from '#db/seed/index.ts'
import { hashPassword } from '../app/utils/password.server.ts'
import { expect, retryingWrite, test, uniqueWord } from './fixtures.ts'
import { messageFor } from './mailbox.ts'

const PASSWORD = 'la digue du Portel au soir'

async function signIn(browser: Browser, email: string, password = PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.goto('/connexion')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible()
  return page
}

test('a forum: the organiser creates it and invites a company, the company brings an offer, a candidate registers and wishes, a school list is imported and confirmed', async ({ browser, db, seed }) => {
  test.setTimeout(120_000)
  const word = uniqueWord('forum')
  const forumName = `Forum du numérique ${word}`
  const companyName = `Phare ${word}`
  const offerTitle = `Technicien·ne fibre ${word}`
  const recruiterEmail = `${word}-rh@exemple.fr`
  const candidateEmail = `${word}-lea@exemple.fr`
  const importedEmail = `${word}-zoe@exemple.fr`
  const users: number[] = []

  // A verified company with a published offer and its recruiter; a candidate with a profile.
  const company = await seed.company({ name: companyName, verified_at: new Date().toISOString() })
  await seed.offer(company.id, { title: offerTitle })
  const hash = await hashPassword(PASSWORD)
  const recruiter = await db.insertInto('users')
    .values({ email: recruiterEmail, password_hash: hash, display_name: 'Bastien Lemaire', role: 'recruiter',
      created_at: new Date().toISOString(), last_active_at: new Date().toISOString() })
    .returning('id').executeTakeFirstOrThrow()
  users.push(recruiter.id)
  await db.insertInto('company_members').values({ company_id: company.id, user_id: recruiter.id, role: 'owner', created_at: new Date().toISOString() }).execute()
  const candidate = await retryingWrite(() => createTestCandidate(db, { email: candidateEmail, firstName: 'Léa', lastName: 'Dufour',
    skills: [{ slug: 'typescript', level: 3 }] }))
  users.push(candidate.id)
  await db.updateTable('users').set({ password_hash: hash }).where('id', '=', candidate.id).execute()

  try {
    // 1. The organiser creates the forum, sees its slots, opens registrations and invites the company.
    const organiser = await signIn(browser, 'organisation@demo.passerelle.fr', 'passerelle-demo')
    await organiser.getByRole('link', { name: 'Espace organisation' }).click()
    await organiser.getByRole('link', { name: 'Créer un forum' }).click()
    await organiser.getByLabel('Nom du forum').fill(forumName)
    await organiser.getByLabel('Date (AAAA-MM-JJ)').fill('2027-03-12')
    await organiser.getByLabel('Commune').selectOption({ label: 'Calais (Calaisis)' })
    await organiser.getByLabel('Lieu').fill('Halle Vauban')
    await organiser.getByLabel('Ouverture (HH:MM)').fill('09:00')
    await organiser.getByLabel('Fermeture (HH:MM)').fill('08:00')
    await organiser.getByLabel('Durée d’un entretien, en minutes').fill('20')
    await expect(organiser.getByText('La fermeture doit suivre l’ouverture.')).toBeVisible()
    await organiser.getByLabel('Fermeture (HH:MM)').fill('12:00')
    await organiser.getByRole('button', { name: 'Créer le forum' }).click()
    await expect(organiser.getByRole('heading', { name: forumName })).toBeVisible()
    await expect(organiser.getByText('9 créneaux de 20 min')).toBeVisible()
    const forumUrl = organiser.url()
    const forumSlug = forumUrl.split('/').at(-1)!
    await organiser.getByRole('button', { name: 'Ouvrir les inscriptions' }).click()
    await expect(organiser.locator('.status')).toHaveText('Inscriptions ouvertes')
    await organiser.getByLabel('Entreprise vérifiée à inviter').selectOption({ label: companyName })
    await organiser.getByRole('button', { name: 'Inviter' }).click()
    await expect(organiser.getByText(`${companyName} — invitée, sans réponse`)).toBeVisible()

    // 2. The company's recruiter accepts with its offer; the offer shows on the public page.
    const rh = await signIn(browser, recruiterEmail)
    await rh.goto('/recruteur')
    await rh.getByRole('link', { name: 'Forums de recrutement' }).click()
    await rh.getByRole('link', { name: forumName }).click()
    await rh.getByLabel(offerTitle).check()
    await rh.getByRole('button', { name: 'Participer avec ces offres' }).click()
    await expect(rh.getByText('Vous participez.')).toBeVisible()

    // 3. The candidate registers (consent required) and wishes to meet the company.
    const lea = await signIn(browser, candidateEmail)
    await lea.getByRole('link', { name: 'Forums', exact: true }).click()
    await lea.getByRole('link', { name: forumName }).click()
    await expect(lea.getByRole('link', { name: offerTitle })).toBeVisible()
    await lea.getByRole('button', { name: 'M’inscrire au forum' }).click()
    await expect(lea.getByText('Cochez la case pour accepter que votre profil soit transmis aux entreprises du forum.')).toBeVisible()
    await lea.getByLabel('J’accepte que mon profil soit transmis aux entreprises participant au forum').check()
    await lea.getByRole('button', { name: 'M’inscrire au forum' }).click()
    await expect(lea.getByText('Vous êtes inscrit·e à ce forum.')).toBeVisible()
    await lea.getByLabel(`Rencontrer ${companyName}`).check()
    await lea.getByRole('button', { name: 'Enregistrer mes souhaits' }).click()
    await lea.reload()
    await expect(lea.getByLabel(`Rencontrer ${companyName}`)).toBeChecked()

    // The company sees her first name and initial, never her e-mail, and wishes to meet her too.
    await rh.reload()
    const row = rh.getByRole('listitem').filter({ hasText: 'Léa D.' })
    await expect(row).toContainText('souhaite vous rencontrer')
    await expect(rh.locator('main')).not.toContainText(candidateEmail)
    await expect(rh.locator('main')).not.toContainText('Dufour')
    await row.getByRole('button', { name: 'Souhaiter rencontrer Léa D.' }).click()
    await expect(rh.getByRole('button', { name: 'Ne plus souhaiter rencontrer Léa D.' })).toBeVisible()

    // 4. A school's list with a bad line: a report, nothing imported; then the corrected list.
    const registered = () => db.selectFrom('forum_candidates as fc').innerJoin('forums as f', 'f.id', 'fc.forum_id')
      .select((eb) => eb.fn.countAll<number>().as('n')).where('f.slug', '=', forumSlug).executeTakeFirstOrThrow().then((r) => r.n)
    await organiser.getByRole('link', { name: 'Importer des candidat·es (CSV)' }).click()
    const csv = (lines: string[]) => ({ name: 'liste.csv', mimeType: 'text/csv', buffer: Buffer.from(['prénom;nom;email;formation;école', ...lines].join('\n')) })
    await organiser.getByLabel('Fichier CSV').setInputFiles(csv([`Zoé;Caron;${importedEmail};BTS SIO;Lycée du Détroit`, 'Hugo;Martel;pas-une-adresse;BTS SIO;Lycée du Détroit']))
    await organiser.getByRole('button', { name: 'Importer' }).click()
    const report = organiser.getByRole('alert')
    await expect(report).toContainText('Rien n’a été importé.')
    await expect(report.getByRole('row').filter({ hasText: 'Cette adresse e-mail n’est pas valide' })).toContainText('3email')
    expect(await registered()).toBe(1)
    await organiser.getByLabel('Fichier CSV').setInputFiles(csv([`Zoé;Caron;${importedEmail};BTS SIO;Lycée du Détroit`]))
    await organiser.getByRole('button', { name: 'Importer' }).click()
    await expect(organiser.getByRole('status')).toContainText('1 candidat·e(s) importé·e(s) et prévenu·e(s) par e-mail')
    expect(await registered()).toBe(2)
    const imported = await db.selectFrom('users').select('id').where('email', '=', importedEmail).executeTakeFirstOrThrow()
    users.push(imported.id)

    // 5. Zoé follows the e-mail's link, chooses a password and confirms: she now counts as registered.
    const mail = await messageFor(importedEmail)
    expect(mail).toContain(`Votre école vous a inscrit·e au forum « ${forumName} »`)
    const link = mail.match(/http:\/\/\S+reinitialiser-mot-de-passe\?\S+/)![0]
    const zoe = await (await browser.newContext()).newPage()
    await zoe.goto(link)
    await zoe.getByLabel('Nouveau mot de passe', { exact: true }).fill(PASSWORD)
    await zoe.getByLabel('Confirmation', { exact: true }).fill(PASSWORD)
    await zoe.getByRole('button', { name: 'Enregistrer et me connecter' }).click()
    await expect(zoe).toHaveURL(new RegExp(`/forums/${forumSlug}/confirmer$`))
    await zoe.getByLabel('J’accepte que mon profil soit transmis aux entreprises participant au forum').check()
    await zoe.getByRole('button', { name: 'Confirmer ma participation' }).click()
    await expect(zoe.getByText('Vous êtes inscrit·e à ce forum.')).toBeVisible()

    await organiser.goto(forumUrl)
    const counts = organiser.locator('.forum-counts')
    await expect(counts).toContainText('Entreprises participantes1')
    await expect(counts).toContainText('Offres présentées1')
    await expect(counts).toContainText('Candidat·es confirmé·es2')
    await expect(counts).toContainText('Candidat·es en attente de confirmation0')
    await expect(counts).toContainText('Souhaits des candidat·es1')
    await expect(counts).toContainText('Souhaits des entreprises1')
  } finally {
    await db.deleteFrom('forums').where('name', '=', forumName).execute()
    await db.deleteFrom('users').where('id', 'in', users).execute()
  }
})

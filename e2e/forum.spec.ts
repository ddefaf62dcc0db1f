import { createTestForum } from '#db/seed/forum-factories.ts'
import { expect, retryingWrite, test, uniqueWord } from './fixtures.ts'
import { signedIn } from './forums.ts'
import { messageFor } from './mailbox.ts'

// The forum's own journey (creation, invitations, registrations, wishes, planning, exports) is e2e/forum-organiser.spec.ts.

test('a school list is imported: a bad line imports nothing, the corrected list does, and the person confirms from the e-mail', async ({ browser, db }) => {
  test.setTimeout(90_000)
  const word = uniqueWord('ecole')
  const importedEmail = `${word}-zoe@exemple.fr`
  const organiserId = (await db.selectFrom('users').select('id').where('email', '=', 'organisation@demo.passerelle.fr').executeTakeFirstOrThrow()).id
  const forum = await retryingWrite(() => createTestForum(db, { organiserId, name: `Forum du numérique ${word}` }))

  try {
    const organiser = await signedIn(browser, 'organisation@demo.passerelle.fr', 'passerelle-demo')
    await organiser.goto(`/organisation/forums/${forum.slug}`)
    const registered = () => db.selectFrom('forum_candidates').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('forum_id', '=', forum.id).executeTakeFirstOrThrow().then((r) => r.n)

    // A list with a bad line: a report, nothing imported; then the corrected list.
    await organiser.getByRole('link', { name: 'Importer des candidat·es (CSV)' }).click()
    const csv = (lines: string[]) => ({ name: 'liste.csv', mimeType: 'text/csv', buffer: Buffer.from(['prénom;nom;email;formation;école', ...lines].join('\n')) })
    await organiser.getByLabel('Fichier CSV').setInputFiles(csv([`Zoé;Caron;${importedEmail};BTS SIO;Lycée du Détroit`, 'Hugo;Martel;pas-une-adresse;BTS SIO;Lycée du Détroit']))
    await organiser.getByRole('button', { name: 'Importer' }).click()
    const report = organiser.getByRole('alert')
    await expect(report).toContainText('Rien n’a été importé.')
    await expect(report.getByRole('row').filter({ hasText: 'Cette adresse e-mail n’est pas valide' })).toContainText('3email')
    expect(await registered()).toBe(0)
    await organiser.getByLabel('Fichier CSV').setInputFiles(csv([`Zoé;Caron;${importedEmail};BTS SIO;Lycée du Détroit`]))
    await organiser.getByRole('button', { name: 'Importer' }).click()
    await expect(organiser.getByRole('status')).toContainText('1 candidat·e(s) importé·e(s) et prévenu·e(s) par e-mail')
    expect(await registered()).toBe(1)

    await organiser.goto(`/organisation/forums/${forum.slug}`)
    const counts = organiser.locator('.forum-counts')
    await expect(counts).toContainText('Candidat·es confirmé·es0')
    await expect(counts).toContainText('Candidat·es en attente de confirmation1')

    // Zoé follows the e-mail's link, chooses a password and confirms: she now counts as registered.
    const mail = await messageFor(importedEmail)
    expect(mail).toContain(`Votre école vous a inscrit·e au forum « ${forum.name} »`)
    const link = mail.match(/http:\/\/\S+reinitialiser-mot-de-passe\?\S+/)![0]
    const zoe = await (await browser.newContext()).newPage()
    await zoe.goto(link)
    await zoe.getByLabel('Nouveau mot de passe', { exact: true }).fill('la digue du Portel au soir')
    await zoe.getByLabel('Confirmation', { exact: true }).fill('la digue du Portel au soir')
    await zoe.getByRole('button', { name: 'Enregistrer et me connecter' }).click()
    await expect(zoe).toHaveURL(new RegExp(`/forums/${forum.slug}/confirmer$`))
    await zoe.getByLabel('J’accepte que mon profil soit transmis aux entreprises participant au forum').check()
    await zoe.getByRole('button', { name: 'Confirmer ma participation' }).click()
    await expect(zoe.getByText('Vous êtes inscrit·e à ce forum.')).toBeVisible()

    await organiser.reload()
    await expect(counts).toContainText('Candidat·es confirmé·es1')
    await expect(counts).toContainText('Candidat·es en attente de confirmation0')
  } finally {
    await db.deleteFrom('forums').where('id', '=', forum.id).execute()
    await db.deleteFrom('users').where('email', '=', importedEmail).execute()
  }
})

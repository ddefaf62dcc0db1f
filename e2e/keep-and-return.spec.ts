import AxeBuilder from '@axe-core/playwright'
import ICAL from 'ical.js'
import { addTestForumCandidate, addTestForumCompany, createTestForum } from '#db/seed/forum-factories.ts'
import { expect, retryingWrite, SEEDED_PASSWORD, test, uniqueWord } from './fixtures.ts'
import { messageFor } from './mailbox.ts'
import { logIn } from './people.ts'

/**
 * Issue 13, "keep and return": saving offers without JavaScript, the applied mark on the offer and in
 * results (never in the page anonymous visitors share), withdrawing, sign-up that comes back to the offer,
 * the forum programme as a calendar file, and the organiser's programme mails through the real SMTP server.
 */

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a candidate saves an offer, finds it saved, applies, sees "Candidature envoyée le" on the offer and in results, then withdraws; the company sees "retirée"', async ({ page, seed, browser }) => {
    const word = uniqueWord('garder')
    const company = await seed.company({ name: `Boulogne Code ${uniqueWord('co')}` })
    const offer = await seed.offer(company.id, { title: `Développeur·se ${word}` })
    const recruiter = await seed.recruiter(company.id, { name: 'Rémi Recrute', email: `${uniqueWord('rh')}@exemple.fr` })
    const candidate = await seed.candidate({ email: `${uniqueWord('lea')}@exemple.fr`, firstName: 'Léa', lastName: 'Garde' })
    await logIn(page, candidate.email, SEEDED_PASSWORD)

    // Save from the results: a real form, back on the same search with a message.
    await page.goto(`/offres?q=${word}`)
    await page.getByRole('button', { name: `Sauvegarder : ${offer.title}` }).click()
    await expect(page.getByText('Offre sauvegardée : retrouvez-la dans « Offres sauvegardées ».')).toBeVisible()
    expect(new URL(page.url()).searchParams.get('q')).toBe(word)
    await expect(page.getByRole('button', { name: `Retirer des sauvegardes : ${offer.title}` })).toBeVisible()
    await page.getByRole('link', { name: 'Offres sauvegardées' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Offres sauvegardées')
    await expect(page.getByRole('link', { name: offer.title })).toHaveAttribute('href', `/offres/${offer.slug}`)

    // Apply: the offer page no longer offers "Postuler" but says when it was sent; so do the results.
    await page.goto(`/offres/${offer.slug}/postuler`)
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click()
    await expect(page.getByText('Votre candidature est envoyée.')).toBeVisible()
    await page.goto(`/offres/${offer.slug}`)
    await expect(page.getByText(/^Candidature envoyée le \d{1,2} \S+ \d{4}$/)).toBeVisible()
    await expect(page.getByRole('link', { name: 'Postuler' })).toHaveCount(0)
    await page.goto(`/offres?q=${word}`)
    await expect(page.locator('.offer-card').filter({ hasText: offer.title })).toContainText('Candidature envoyée le')

    // The same search for a visitor (the page the cache keeps) carries nobody's marks.
    const anonymous = await fetch(new URL(`/offres?q=${word}`, page.url()))
    expect(anonymous.ok).toBe(true)
    const anonymousHtml = await anonymous.text()
    expect(anonymousHtml).toContain(offer.title)
    expect(anonymousHtml).not.toContain('Candidature envoyée')
    expect(anonymousHtml).not.toContain('Sauvegarder')

    // Withdraw, with a second click in a disclosure.
    await page.goto('/candidat/candidatures')
    const row = page.getByRole('row').filter({ hasText: offer.title })
    await row.locator('summary', { hasText: `Retirer ma candidature à ${offer.title}` }).click()
    await row.getByRole('button', { name: 'Retirer ma candidature' }).click()
    await expect(page.getByText('Votre candidature est retirée : l’entreprise ne voit plus votre profil ni votre CV.')).toBeVisible()
    await expect(page.getByRole('row').filter({ hasText: offer.title }).getByRole('cell').nth(3)).toHaveText(/^Retirée le /)
    await page.goto(`/offres/${offer.slug}`)
    await expect(page.getByText(/^Candidature retirée le /)).toBeVisible()

    // The company sees it withdrawn, in the list, on the application (no profile any more) and in the CSV.
    const company_ = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
    await logIn(company_, recruiter.email, SEEDED_PASSWORD)
    await company_.goto(`/recruteur/offres/${offer.id}/candidatures`)
    const line = company_.getByRole('row').filter({ hasText: 'Léa Garde' })
    await expect(line).toContainText('Retirée par la personne le')
    // Counted under « Retirées », not under the stage it had reached.
    const stages = company_.getByRole('navigation', { name: 'Filtrer par étape' })
    await expect(stages.getByRole('link', { name: 'Nouvelle (0)' })).toBeVisible()
    await stages.getByRole('link', { name: 'Retirées (1)' }).click()
    await expect(company_.getByRole('row').filter({ hasText: 'Léa Garde' })).toHaveCount(1)
    await line.getByRole('link', { name: 'Léa Garde' }).click()
    await expect(company_.getByText(/Candidature retirée par la personne le/)).toBeVisible()
    await expect(company_.getByRole('button', { name: 'Changer d’étape' })).toHaveCount(0)
    await expect(company_.getByText(candidate.email)).toHaveCount(0)
    const csv = await (await company_.request.get(`/recruteur/offres/${offer.id}/candidatures.csv`)).text()
    expect(csv).toContain('Léa Garde')
    expect(csv).toContain('Retirée par la personne le')
    expect(csv).not.toContain(candidate.email)
    await company_.context().close()
  })
})

test('with JavaScript, "Sauvegarder" flips in place without leaving the results; the marked pages fit 320 px and pass axe', async ({ page, seed }) => {
  const word = uniqueWord('vite')
  const company = await seed.company({ name: `Étaples Tech ${uniqueWord('co')}` })
  const offer = await seed.offer(company.id, { title: `Testeur·se ${word}` })
  const candidate = await seed.candidate({ email: `${uniqueWord('ana')}@exemple.fr`, firstName: 'Ana', lastName: 'Vite' })
  await logIn(page, candidate.email, SEEDED_PASSWORD)
  await page.goto(`/offres?q=${word}`)
  const before = page.url()
  await page.getByRole('button', { name: `Sauvegarder : ${offer.title}` }).click()
  await expect(page.getByRole('button', { name: `Retirer des sauvegardes : ${offer.title}` })).toBeVisible()
  expect(page.url()).toBe(before) // no navigation, no flash: the fetcher answered data
  await expect.poll(async () => (await page.request.get('/candidat/offres-sauvegardees')).text()).toContain(offer.title)
  await page.getByRole('button', { name: `Retirer des sauvegardes : ${offer.title}` }).click()
  await expect(page.getByRole('button', { name: `Sauvegarder : ${offer.title}` })).toBeVisible()
  await expect.poll(async () => (await page.request.get('/candidat/offres-sauvegardees')).text()).not.toContain(offer.title)

  for (const url of [`/offres?q=${word}`, `/offres/${offer.slug}`]) {
    await page.goto(url)
    await page.setViewportSize({ width: 320, height: 800 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(320)
    await page.setViewportSize({ width: 1280, height: 800 })
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
    expect(violations.map((v) => v.id), url).toEqual([])
  }
})

test('sign-up from "Postuler" comes back to the offer, with the profile checklist; the header links carry redirectTo', async ({ page, seed, db }) => {
  const company = await seed.company({ name: `Calais Dev ${uniqueWord('co')}` })
  const offer = await seed.offer(company.id, { title: `Intégrateur·rice ${uniqueWord('retour')}` })
  await page.goto(`/offres/${offer.slug}`)
  await expect(page.getByRole('link', { name: 'Se connecter' })).toHaveAttribute('href', `/connexion?redirectTo=%2Foffres%2F${offer.slug}`)
  await page.getByRole('link', { name: 'Postuler' }).click()
  await page.getByRole('link', { name: 'créez un compte candidat·e' }).click()
  await expect(page).toHaveURL(new RegExp(`/inscription\\?redirectTo=%2Foffres%2F${offer.slug}%2Fpostuler$`))
  const email = `${uniqueWord('nouvelle')}@exemple.fr`
  await page.getByLabel('Candidat·e : je cherche un emploi, un stage ou une alternance').check()
  await page.getByLabel('Prénom et nom').fill('Nora Nouvelle')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill('les dunes de la côte d’Opale')
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await expect(page).toHaveURL(new RegExp(`/offres/${offer.slug}/postuler$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Postuler : ${offer.title}`)
  const checklist = page.getByRole('complementary', { name: 'Votre profil : 3 étapes pour recevoir des offres qui vous correspondent' })
  await expect(checklist.getByRole('listitem')).toHaveText([
    'Indiquez vos compétences et leur niveau', 'Indiquez votre commune et jusqu’où vous pouvez vous déplacer', 'Choisissez les contrats que vous recherchez',
  ])
  await retryingWrite(() => db.deleteFrom('users').where('email', '=', email).execute())
})

test('a candidate downloads their forum programme as a calendar that parses; the organiser e-mails every programme through SMTP, once', async ({ page, seed, db, browser }) => {
  const company = await seed.company({ name: `Opale Forum ${uniqueWord('co')}` })
  const offer = await seed.offer(company.id, { title: `Analyste ${uniqueWord('forum')}` })
  const recruiter = await seed.recruiter(company.id, { name: 'Rita Forum', email: `${uniqueWord('rita')}@exemple.fr` })
  const candidate = await seed.candidate({ email: `${uniqueWord('hugo')}@exemple.fr`, firstName: 'Hugo', lastName: 'Agenda' })
  const organiser = await db.selectFrom('users').select('id').where('email', '=', 'organisation@demo.passerelle.fr').executeTakeFirstOrThrow()
  const forum = await retryingWrite(() => createTestForum(db, { organiserId: organiser.id, name: `Forum ${uniqueWord('agenda')}`, date: '2027-03-12' }))
  try {
    await retryingWrite(() => addTestForumCompany(db, forum.id, company.id, 'accepted', [offer.id]))
    await retryingWrite(() => addTestForumCandidate(db, forum.id, candidate.id))
    await retryingWrite(() => db.insertInto('forum_interviews')
      .values({ forum_id: forum.id, company_id: company.id, candidate_id: candidate.id, offer_id: offer.id, table_no: 1, slot_no: 3 }).execute())

    await logIn(page, candidate.email, SEEDED_PASSWORD)
    await page.goto(`/forums/${forum.slug}`)
    await page.getByRole('link', { name: 'Mon programme' }).click()
    const row = page.getByRole('row').filter({ hasText: company.name })
    await expect(row).toContainText('10:00–10:20')
    await expect(row).toContainText(offer.title)
    // Printed, only the programme remains: no site header, no download button.
    await page.emulateMedia({ media: 'print' })
    await expect(page.locator('.site-header')).toBeHidden()
    await expect(page.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' })).toBeHidden()
    await expect(row).toBeVisible()
    await page.emulateMedia({ media: 'screen' })
    const downloading = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe(`programme-${forum.slug}.ics`)
    const ics = (await import('node:fs')).readFileSync((await download.path())!, 'utf8')
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/)
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events).toHaveLength(1)
    expect(events[0]!.summary).toBe(`Entretien : ${company.name} (table 1)`)
    // 10:00 in Calais on 12 March 2027 (UTC+1).
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2027-03-12T09:00:00.000Z')

    // The organiser sends the programmes: the candidate's and the company's arrive; sending again sends nothing.
    const organiserPage = await (await browser.newContext()).newPage()
    await logIn(organiserPage, 'organisation@demo.passerelle.fr')
    await organiserPage.goto(`/organisation/forums/${forum.slug}`)
    await organiserPage.getByRole('link', { name: 'Envoyer les programmes par e-mail' }).click()
    await expect(organiserPage.getByRole('status').filter({ hasText: 'participant' })).toHaveText('2 participant·es : 2 programmes à envoyer.')
    await organiserPage.getByRole('button', { name: 'Envoyer les programmes' }).click()
    await expect(organiserPage.getByText('Programmes envoyés par e-mail.')).toBeVisible()
    await expect(organiserPage.getByRole('status').filter({ hasText: 'participant' })).toHaveText('2 participant·es : tous les programmes sont à jour.')
    const mail = await messageFor(candidate.email)
    expect(mail).toContain('Voici votre programme au forum')
    expect(mail).toContain(`10:00–10:20 · table 1 · ${company.name} · ${offer.title}`)
    expect(mail).toContain(`/forums/${forum.slug}/programme`)
    expect(await messageFor(recruiter.email)).toContain(`10:00–10:20 · table 1 · Hugo Agenda (${company.name})`)
    await expect(organiserPage.getByRole('button', { name: 'Envoyer les programmes modifiés' })).toBeDisabled()
    await organiserPage.context().close()
  } finally {
    await retryingWrite(() => db.deleteFrom('forums').where('id', '=', forum.id).execute())
  }
})

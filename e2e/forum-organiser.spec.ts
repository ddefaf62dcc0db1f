import type { Locator } from '@playwright/test'
import { addTestForumCandidate } from '#db/seed/forum-factories.ts'
import { INVALID_PAGE } from '../app/utils/pagination.ts'
import { expect, retryingWrite, test, uniqueWord } from './fixtures.ts'
import { createForum, csvRecords, download, inviteCompany, joinForum, registerForForum, sheetRecords, signedIn, wishToMeet } from './forums.ts'
import { logIn } from './people.ts'

const ORGANISER = 'organisation@demo.passerelle.fr'

/** The rows of a company's schedule table as "company | time | table | candidate | score". */
async function scheduleOf(table: Locator, company: string): Promise<string[]> {
  const rows = await table.locator('tbody tr').all()
  return Promise.all(rows.map(async (row) => {
    const [time, tableNo, candidate, score] = await row.getByRole('cell').allTextContents()
    return [company, time, tableNo, candidate, score].join(' | ')
  }))
}

test('an organiser runs a forum in the browser: creates it, invites companies who accept and wish, candidates register and wish, match lists, schedule, pin, remove, re-run, CSV and XLSX', async ({ browser, db, seed }) => {
  test.setTimeout(180_000)
  const word = uniqueWord('salon')
  const forumName = `Forum du numérique ${word}`

  // Accounts that exist before the forum: two verified companies with an offer and a recruiter each, four candidates with a profile.
  const verified = new Date().toISOString()
  const opale = await seed.company({ name: `Opale Numérique ${word}`, verified_at: verified })
  const react = await seed.offer(opale.id, { title: `Développeur·se React ${word}`, skills: [{ slug: 'react', required: true }, { slug: 'typescript', required: false }] })
  const data = await seed.company({ name: `Côte d’Opale Data ${word}`, verified_at: verified })
  const python = await seed.offer(data.id, { title: `Data engineer Python ${word}`, skills: [{ slug: 'python', required: true }, { slug: 'sql', required: false }] })
  const rhOpaleAccount = await seed.recruiter(opale.id, { name: 'Hervé Lemaire', email: `${word}-opale@exemple.fr` })
  const rhDataAccount = await seed.recruiter(data.id, { name: 'Sophie Delattre', email: `${word}-data@exemple.fr` })
  const candidate = (firstName: string, lastName: string, skills: { slug: string; level: number }[]) =>
    seed.candidate({ email: `${word}-${firstName.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()}@exemple.fr`, firstName, lastName, skills })
  const zoeAccount = await candidate('Zoé', 'Lefèvre', [{ slug: 'react', level: 4 }, { slug: 'typescript', level: 3 }])
  const anaisAccount = await candidate('Anaïs', 'Dupré', [{ slug: 'python', level: 3 }, { slug: 'sql', level: 3 }])
  const leaAccount = await candidate('Léa', 'Martin', [{ slug: 'react', level: 3 }, { slug: 'python', level: 2 }])
  // Imported by her school, she never confirmed: she matches React perfectly and must appear nowhere.
  const secret = await candidate('Secrète', 'Sansconsentement', [{ slug: 'react', level: 4 }, { slug: 'typescript', level: 4 }])

  try {
    // 1. The organiser creates the forum (3 slots of 20 min, 1 table per company, 2 interviews per candidate) and invites both companies.
    const organiser = await signedIn(browser, ORGANISER, 'passerelle-demo')
    const slug = await createForum(organiser, { name: forumName, date: '2027-03-12', opens: '09:00', closes: '10:00', slotMinutes: 20, tables: 1, maxInterviews: 2 })
    await expect(organiser.getByText('3 créneaux de 20 min')).toBeVisible()
    await inviteCompany(organiser, opale.name)
    await inviteCompany(organiser, data.name)
    const forum = await db.selectFrom('forums').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
    await retryingWrite(() => addTestForumCandidate(db, forum.id, secret.id, false))

    // 2. Each recruiter accepts with their offer.
    const rhOpale = await signedIn(browser, rhOpaleAccount.email)
    await joinForum(rhOpale, forumName, [react.title])
    const rhData = await signedIn(browser, rhDataAccount.email)
    await joinForum(rhData, forumName, [python.title])

    // The offers they bring show on the forum's public page, even to a visitor.
    const visitor = await (await browser.newContext()).newPage()
    await visitor.goto(`/forums/${slug}`)
    await expect(visitor.getByRole('link', { name: react.title })).toBeVisible()
    await expect(visitor.getByRole('link', { name: python.title })).toBeVisible()

    // 3. The candidates register themselves, with consent (Zoé first forgets the box), and say whom they wish to meet.
    await registerForForum(await signedIn(browser, zoeAccount.email), forumName, [opale.name], { forgetConsentFirst: true })
    await registerForForum(await signedIn(browser, anaisAccount.email), forumName, [data.name])
    await registerForForum(await signedIn(browser, leaAccount.email), forumName, [opale.name])

    // 4. The companies see first names and initials only, and wish to meet someone too.
    await rhOpale.reload()
    await expect(rhOpale.getByRole('listitem').filter({ hasText: 'Zoé L.' })).toContainText('souhaite vous rencontrer')
    await expect(rhOpale.locator('main')).not.toContainText('Lefèvre')
    await expect(rhOpale.locator('main')).not.toContainText(zoeAccount.email)
    await expect(rhOpale.locator('main')).not.toContainText('Secrète')
    await wishToMeet(rhOpale, 'Zoé L.')
    await wishToMeet(rhData, 'Anaïs D.')

    await organiser.reload()
    const counts = organiser.locator('.forum-counts')
    await expect(counts).toContainText('Entreprises participantes2')
    await expect(counts).toContainText('Offres présentées2')
    await expect(counts).toContainText('Candidat·es confirmé·es3')
    await expect(counts).toContainText('Candidat·es en attente de confirmation1')
    await expect(counts).toContainText('Souhaits des candidat·es3')
    await expect(counts).toContainText('Souhaits des entreprises2')

    // 5. The match lists: per company its candidates, per candidate their companies, each with the score and why.
    await organiser.getByRole('link', { name: 'Planning et correspondances' }).click()
    await expect(organiser.getByRole('heading', { level: 1 })).toHaveText(`Planning – ${forumName}`)
    await expect(organiser.getByText('Le planning n’a pas encore été calculé.')).toBeVisible()
    const opaleBlock = organiser.getByRole('region', { name: opale.name, exact: true })
    await opaleBlock.locator(':scope > details > summary').click()
    await opaleBlock.locator('details.planning-matches > summary').click()
    const zoeAtOpale = opaleBlock.getByRole('listitem').filter({ has: organiser.getByText('Zoé Lefèvre', { exact: true }) })
    await expect(zoeAtOpale).toContainText('Compétences demandées présentes : React')
    const zoeScore = Number(/Correspondance : (\d+) \/ 100/.exec((await zoeAtOpale.textContent())!)![1])
    expect(zoeScore).toBeGreaterThan(0)

    const byCandidate = organiser.getByRole('region', { name: 'Correspondances par candidat·e' })
    await expect(byCandidate).toContainText('Candidat·es 1 à 3 sur 3')
    const zoeDetails = byCandidate.locator('details').filter({ hasText: 'Zoé Lefèvre' })
    await zoeDetails.locator('summary').click()
    const opaleForZoe = zoeDetails.getByRole('list', { name: 'Entreprises pour Zoé Lefèvre' }).getByRole('listitem')
      .filter({ has: organiser.getByText(opale.name, { exact: true }) })
    await expect(opaleForZoe).toContainText(`pour « ${react.title} »`)
    await expect(opaleForZoe).toContainText(`Correspondance : ${zoeScore} / 100`)
    await expect(opaleForZoe).toContainText('Compétences demandées présentes : React')
    await expect(opaleForZoe).toContainText('dans le rayon de mobilité')
    const anaisDetails = byCandidate.locator('details').filter({ hasText: 'Anaïs Dupré' })
    await anaisDetails.locator('summary').click()
    await expect(anaisDetails.getByRole('listitem').filter({ has: organiser.getByText(data.name, { exact: true }) }))
      .toContainText('Compétences demandées présentes : Python')
    await expect(organiser.locator('main')).not.toContainText('Secrète')

    // 6. The schedule: every pair fits, every wish is met; then pin Zoé at Opale, take Léa out of Opale's, re-run.
    await organiser.getByRole('button', { name: 'Calculer le planning' }).click()
    await expect(organiser.getByText('4 entretiens, 5 souhaits respectés sur 5.')).toBeVisible()
    await expect(organiser.getByText(/^Planning (optimal : [\d\u202f ]+ points, le maximum possible|à [\d,]+ % du maximum possible : .* au plus)\.$/)).toBeVisible()
    const opaleTable = organiser.getByRole('table', { name: `Entretiens de ${opale.name}` })
    const dataTable = organiser.getByRole('table', { name: `Entretiens de ${data.name}` })
    // The Data company's block opens too (Opale's is still open: a submission with JavaScript keeps the page).
    await organiser.getByRole('region', { name: data.name, exact: true }).locator(':scope > details > summary').click()
    const zoeRow = opaleTable.getByRole('row', { name: /Zoé Lefèvre/ })
    await expect(zoeRow.getByRole('cell').nth(3)).toHaveText(String(zoeScore))
    const zoeTime = (await zoeRow.getByRole('cell').first().textContent())!
    await zoeRow.getByText('Actions').click()
    await zoeRow.getByRole('button', { name: 'Épingler l’entretien avec Zoé Lefèvre' }).click()
    await expect(zoeRow).toContainText('épinglé')
    await opaleTable.getByRole('row', { name: /Léa Martin/ }).getByText('Actions').click()
    await opaleTable.getByRole('button', { name: 'Retirer l’entretien avec Léa Martin' }).click()
    await expect(opaleTable.getByRole('row', { name: /Léa Martin/ })).toHaveCount(0)
    await organiser.getByRole('button', { name: 'Calculer le planning' }).click()
    // Léa's wish for Opale leaves the count with the pair the organiser took out.
    await expect(organiser.getByText('3 entretiens, 4 souhaits respectés sur 4.')).toBeVisible()
    await expect(zoeRow).toContainText('épinglé')
    await expect(zoeRow.getByRole('cell').first()).toHaveText(zoeTime)
    await expect(opaleTable.getByRole('row', { name: /Léa Martin/ })).toHaveCount(0)
    await expect(dataTable.getByRole('row', { name: /Léa Martin/ })).toHaveCount(1)
    const shown = [...await scheduleOf(opaleTable, opale.name), ...await scheduleOf(dataTable, data.name)].sort()
    expect(shown).toHaveLength(3)

    // 7. The downloads carry exactly the schedule shown: accented names intact, the same scores (numbers in Excel).
    await organiser.getByRole('link', { name: forumName }).click()
    await organiser.getByRole('link', { name: 'Tableau de bord, exports et agendas' }).click()
    const csv = await download(organiser, 'Planning (CSV)')
    expect(csv.name).toBe(`planning-${slug}.csv`)
    const csvRows = csvRecords(csv.bytes)
    expect(csvRows.map((r) => [r.Entreprise, r.Heure, r.Table, r['Candidat·e'], r.Score].join(' | ')).sort()).toEqual(shown)
    expect(csvRows.find((r) => r['Candidat·e'] === 'Zoé Lefèvre')).toMatchObject({ 'E-mail': zoeAccount.email, Offre: react.title })
    expect(csv.bytes.toString('utf8')).not.toContain('Secrète')

    const xlsx = await download(organiser, 'Planning et correspondances (Excel)')
    expect(xlsx.name).toBe(`forum-${slug}.xlsx`)
    const planning = await sheetRecords(xlsx.bytes, 'Planning')
    expect(planning.map((r) => [r.Entreprise, r.Heure, r.Table, r['Candidat·e'], r.Score].join(' | ')).sort()).toEqual(shown)
    for (const r of planning) expect(typeof r.Score).toBe('number')
    const matches = await sheetRecords(xlsx.bytes, 'Correspondances')
    expect(matches.find((r) => r.Entreprise === data.name && r['Candidat·e'] === 'Anaïs Dupré')).toMatchObject({
      'Souhait de l’entreprise': 'Oui', 'Souhait du candidat ou de la candidate': 'Oui',
    })
    // The pair taken out stays in the match sheet (Léa wished for Opale), unscheduled.
    expect(matches.find((r) => r.Entreprise === opale.name && r['Candidat·e'] === 'Léa Martin')).toMatchObject({
      Score: null, 'Souhait du candidat ou de la candidate': 'Oui', Entretien: 'Non planifié',
    })
    expect(JSON.stringify([planning, matches])).not.toContain('Secrète')
  } finally {
    await db.deleteFrom('forums').where('name', '=', forumName).execute()
  }
})

test('the match lists page through plain links without JavaScript, and a bad page number is a French 400 (demo forum)', async ({ browser }) => {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
  await logIn(page, ORGANISER)
  await page.goto('/organisation')
  await page.getByRole('link', { name: 'Forum de l’emploi numérique du Calaisis' }).click()
  await page.getByRole('link', { name: 'Planning et correspondances' }).click()
  await expect(page.getByText(/^Entreprises 1 à 5 sur \d+/)).toBeVisible()
  await expect(page.getByText(/^Candidat·es 1 à 20 sur \d+/)).toBeVisible()

  await page.getByRole('navigation', { name: 'Pages des candidat·es' }).getByRole('link', { name: 'Page suivante →' }).click()
  await expect(page).toHaveURL(/\?candidats=2#par-candidat$/)
  await expect(page.getByText(/^Candidat·es 21 à \d+ sur \d+/)).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Pages des candidat·es' })).toContainText('Page 2 sur')

  // The other list's page is kept: companies move on, candidates stay on page 2.
  await page.getByRole('navigation', { name: 'Pages des entreprises' }).getByRole('link', { name: 'Page suivante →' }).click()
  await expect(page).toHaveURL(/\?entreprises=2&candidats=2#par-entreprise$/)
  await expect(page.getByText(/^Entreprises 6 à \d+ sur \d+/)).toBeVisible()
  await expect(page.getByText(/^Candidat·es 21 à \d+ sur \d+/)).toBeVisible()
  // A candidate's companies open without script (a native <details>), with the score and reasons.
  const someone = page.getByRole('region', { name: 'Correspondances par candidat·e' }).locator('details').filter({ hasText: 'la meilleure' }).first()
  await someone.locator('summary').click()
  await expect(someone.getByRole('listitem').first()).toContainText(/Correspondance : \d+ \/ 100/)

  const response = await page.goto(`${new URL(page.url()).pathname}?candidats=abc`)
  expect(response!.status()).toBe(400)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demande invalide')
  await expect(page.getByText(INVALID_PAGE)).toBeVisible()
})

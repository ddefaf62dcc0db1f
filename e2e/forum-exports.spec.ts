import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { hashPassword } from '../app/utils/password.server.ts'
import { createTestForum } from '#db/seed/test-forum.ts'
import { indexOffer } from '#search/embedded/offer-index.ts'
import { expect, test, uniqueWord } from './fixtures.ts'
import { logIn } from './people.ts'

const PASSWORD = 'le beffroi de Calais'

test('an organiser downloads the schedule (CSV, XLSX), prints the agendas, a recruiter marks a hire, the dashboard counts it', async ({ page, browser, db }) => {
  test.setTimeout(60_000)
  const slug = uniqueWord('forum')
  const now = new Date().toISOString()
  const passwordHash = await hashPassword(PASSWORD)
  const organiser = await db.insertInto('users')
    .values({ email: `${slug}-orga@exemple.fr`, password_hash: passwordHash, display_name: 'Maëlle Organisatrice', role: 'organiser',
      created_at: now, last_active_at: now })
    .returning('id').executeTakeFirstOrThrow()
  const forum = await createTestForum(db, { organiserId: organiser.id, slug, name: `Forum de l’Opale ${slug}`, date: '2025-06-12' })
  const recruiter = await db.insertInto('users')
    .values({ email: `${slug}-rh@exemple.fr`, password_hash: passwordHash, display_name: 'Hervé Recruteur', role: 'recruiter',
      created_at: now, last_active_at: now })
    .returning('id').executeTakeFirstOrThrow()
  await db.insertInto('company_members').values({ company_id: forum.companies.opale.id, user_id: recruiter.id, role: 'owner', created_at: now }).execute()
  try {
    await logIn(page, `${slug}-orga@exemple.fr`, PASSWORD)
    const dashboard = `/organisation/forums/${slug}/tableau-de-bord`
    await page.goto(dashboard)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Tableau de bord – Forum de l’Opale ${slug}`)
    await expect(page.getByRole('img', { name: 'Taux de remplissage du planning' })).toBeVisible()
    await expect(page.getByText('5 entretiens planifiés sur 36 places.')).toBeVisible()
    await expect(page.getByText('Aucun export pour l’instant.')).toBeVisible()

    // The schedule as CSV: accents intact, the formula defused, the unconsenting candidate absent.
    let download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Planning (CSV)' }).click()
    let file = await download
    expect(file.suggestedFilename()).toBe(`planning-${slug}.csv`)
    const bytes = await readFile((await file.path())!)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toBe('Entreprise;Table;Heure;Candidat·e;E-mail;Formation;Score;Offre')
    expect(lines).toContain(`${forum.companies.opale.name};1;09:00;Zoé Lefèvre;${forum.candidates.zoe.email};Master informatique, ULCO (Bac +5);87;Développeur·se React`)
    expect(lines).toContain(`${forum.companies.opale.name};2;09:00;Léa Martin;${forum.candidates.lea.email};;64;`)
    expect(lines.some((l) => l.includes(";'=cmd|' /C calc'!A0 Piège;"))).toBe(true)
    expect(lines.join('\n')).not.toContain('Secrète')

    // The workbook: both views, the score a number, the formula-looking name a string.
    download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Planning et correspondances (Excel)' }).click()
    file = await download
    expect(file.suggestedFilename()).toBe(`forum-${slug}.xlsx`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await file.path())!)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Planning', 'Correspondances'])
    const matches = workbook.getWorksheet('Correspondances')!
    const zoe = matches.getRows(2, matches.rowCount - 1)!.find((r) => r.getCell(1).value === forum.companies.opale.name && r.getCell(3).value === 'Zoé Lefèvre')!
    expect(zoe.getCell(2).value).toBe(1)
    expect(zoe.getCell(6).value).toBe(87)
    // A string cell with the same apostrophe as in CSV (app/utils/spreadsheet-cell.ts): editing it cannot make a formula either.
    const trap = workbook.getWorksheet('Planning')!.getRows(2, 10)!.find((r) => String(r.getCell(4).value ?? '').startsWith("'=cmd"))!
    expect(trap.getCell(4).type).toBe(ExcelJS.ValueType.String)

    // The agendas: one page per company and per candidate, the navigation gone on paper.
    await page.goto(dashboard)
    await page.getByRole('link', { name: 'Agendas à imprimer' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Agendas – Forum de l’Opale ${slug}`)
    await expect(page.getByRole('button', { name: 'Imprimer' })).toBeVisible()
    const opaleAgenda = page.getByRole('region', { name: forum.companies.opale.name, exact: true })
    await expect(opaleAgenda.getByRole('row', { name: /09:00–09:20/ })).toHaveText(/Zoé Lefèvre\s*Léa Martin/)
    const zoeAgenda = page.getByRole('region', { name: 'Zoé Lefèvre', exact: true })
    await expect(zoeAgenda.getByRole('row')).toHaveCount(3)
    await expect(page.getByText('Secrète')).toHaveCount(0)
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden()
    expect(await zoeAgenda.evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page')
    await page.emulateMedia({ media: 'screen' })

    // A recruiter of the company marks Zoé as hired; an empty choice is explained in French.
    const recruiterContext = await browser.newContext()
    const recruiterPage = await recruiterContext.newPage()
    await logIn(recruiterPage, `${slug}-rh@exemple.fr`, PASSWORD)
    await recruiterPage.goto(`/recruteur/forums/${slug}/resultats`)
    await expect(recruiterPage.getByRole('heading', { level: 1 })).toHaveText(`Résultats du forum Forum de l’Opale ${slug}`)
    const zoeRow = recruiterPage.getByRole('row', { name: /Zoé Lefèvre/ })
    await zoeRow.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(zoeRow.getByText('Choisissez « Embauche » ou « Pas d’embauche ».')).toBeVisible()
    await zoeRow.getByLabel('Embauche', { exact: true }).check()
    await zoeRow.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(zoeRow.locator('.status')).toHaveText('Embauche')
    await expect(recruiterPage.getByRole('row', { name: /Léa Martin/ }).locator('.status')).toHaveText('À renseigner')
    await recruiterContext.close()

    await page.goto(dashboard)
    await expect(page.getByRole('img', { name: 'Résultats des entretiens' })).toBeVisible()
    await expect(page.getByRole('table', { name: 'Résultats des entretiens' }).getByRole('row', { name: /^Embauche/ })).toContainText('1')
    const exportsTable = page.getByRole('table').filter({ hasText: 'Quoi' })
    await expect(exportsTable.getByRole('row')).toHaveCount(4)
    await expect(exportsTable).toContainText('Agendas (impression)')
    await expect(exportsTable).toContainText('Planning et correspondances (Excel)')
    await expect(exportsTable).toContainText('Planning (CSV)')
    await expect(exportsTable).toContainText('Maëlle Organisatrice')
  } finally {
    await db.deleteFrom('forums').where('id', '=', forum.forum.id).execute()
    const companyIds = Object.values(forum.companies).map((c) => c.id)
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('offers').where('id', '=', forum.offer.id).execute()
      await indexOffer(trx, forum.offer.id)
    })
    await db.deleteFrom('companies').where('id', 'in', companyIds).execute()
    await db.deleteFrom('users').where('id', 'in', [organiser.id, recruiter.id, ...Object.values(forum.candidates).map((c) => c.id)]).execute()
  }
})

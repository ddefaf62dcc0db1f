import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { addPlanningPeople } from '#db/seed/planning-forum.ts'
import { expect, retryingWrite, test, uniqueWord } from './fixtures.ts'

test('an organiser creates a forum, reads the match lists, computes the schedule, pins, removes, re-runs and downloads it', async ({ page, db }) => {
  test.setTimeout(90_000)
  const tag = uniqueWord('planning')
  const forumName = `Forum de la planification ${tag}`

  // 1. The forum through the UI: 3 slots, 1 table per company, 2 interviews per candidate.
  await page.goto('/connexion')
  await page.getByLabel('Adresse e-mail').fill('organisation@demo.passerelle.fr')
  await page.getByLabel('Mot de passe').fill('passerelle-demo')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible()
  await page.goto('/organisation/forums/nouveau')
  await page.getByLabel('Nom du forum').fill(forumName)
  await page.getByLabel('Date (AAAA-MM-JJ)').fill('2027-03-12')
  await page.getByLabel('Commune').selectOption({ label: 'Calais (Calaisis)' })
  await page.getByLabel('Lieu').fill('Halle Vauban')
  await page.getByLabel('Ouverture (HH:MM)').fill('09:00')
  await page.getByLabel('Fermeture (HH:MM)').fill('10:00')
  await page.getByLabel('Durée d’un entretien, en minutes').fill('20')
  await page.getByLabel('Tables par entreprise').fill('1')
  await page.getByLabel('Entretiens au plus par candidat·e').fill('2')
  await page.getByRole('button', { name: 'Créer le forum' }).click()
  await expect(page.getByRole('heading', { name: forumName })).toBeVisible()
  const slug = page.url().split('/').at(-1)!
  const forum = await db.selectFrom('forums').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()

  // 2. Companies, offers, candidates and wishes through the factories (their own journeys are in forum.spec.ts).
  const people = await retryingWrite(() => addPlanningPeople(db, forum.id, tag))
  const opale = people.companies.opale.name

  // 3. The match lists, with the reasons, and nobody who did not consent.
  await page.getByRole('link', { name: 'Planning et correspondances' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Planning – ${forumName}`)
  await expect(page.getByText('Le planning n’a pas encore été calculé.')).toBeVisible()
  const opaleMatches = page.locator('details').filter({ hasText: opale }).first()
  await expect(opaleMatches.getByRole('listitem').filter({ hasText: 'Zoé Lefèvre' }).first()).toContainText('Compétences demandées présentes : React')
  await expect(opaleMatches).toContainText(/Correspondance : \d+ \/ 100/)
  await expect(page.getByText('Secrète')).toHaveCount(0)

  // 4. The schedule, and how close it is to the optimum.
  await page.getByRole('button', { name: 'Calculer le planning' }).click()
  await expect(page.getByText(/\d+ entretiens, 3 souhaits respectés sur 4\./)).toBeVisible()
  await expect(page.getByText(/à [\d.]+ % de l’optimum au plus\./)).toBeVisible()
  const opaleTable = page.getByRole('table', { name: `Entretiens de ${opale}` })
  await expect(opaleTable.getByRole('row', { name: /Zoé Lefèvre/ })).toBeVisible()
  await expect(opaleTable.getByRole('row')).toHaveCount(4)

  // 5. Pin Zoé at Opale, remove another of Opale's interviews, re-run.
  const zoeRow = opaleTable.getByRole('row', { name: /Zoé Lefèvre/ })
  const zoeTime = await zoeRow.getByRole('cell').first().textContent()
  await zoeRow.getByRole('button', { name: 'Épingler l’entretien avec Zoé Lefèvre' }).click()
  await expect(opaleTable.getByRole('row', { name: /Zoé Lefèvre/ })).toContainText('épinglé')
  const other = opaleTable.getByRole('row').filter({ hasNotText: 'Zoé Lefèvre' }).nth(1)
  const removed = (await other.getByRole('cell').nth(2).textContent())!
  await other.getByRole('button', { name: `Retirer l’entretien avec ${removed}` }).click()
  await expect(opaleTable.getByRole('row', { name: new RegExp(removed) })).toHaveCount(0)
  await page.getByRole('button', { name: 'Calculer le planning' }).click()
  await expect(page.getByText(/Calculé le/)).toBeVisible()
  await expect(opaleTable.getByRole('row', { name: /Zoé Lefèvre/ })).toContainText('épinglé')
  await expect(opaleTable.getByRole('row', { name: /Zoé Lefèvre/ }).getByRole('cell').first()).toHaveText(zoeTime!)
  await expect(opaleTable.getByRole('row', { name: new RegExp(removed) })).toHaveCount(0)

  // 6. The dashboard's downloads carry the schedule: accents intact, scores as numbers.
  await page.goto(`/organisation/forums/${slug}/tableau-de-bord`)
  let download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Planning (CSV)' }).click()
  const csv = (await readFile((await (await download).path())!)).toString('utf8').slice(1).split('\r\n')
  const zoeLine = csv.find((l) => l.startsWith(`${opale};1;${zoeTime};Zoé Lefèvre;`))
  expect(zoeLine).toBeDefined()
  expect(Number(zoeLine!.split(';')[6])).toBeGreaterThan(0)
  expect(csv.some((l) => l.includes(`${opale};`) && l.includes(removed))).toBe(false)
  expect(csv.join('\n')).not.toContain('Secrète')

  download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Planning et correspondances (Excel)' }).click()
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile((await (await download).path())!)
  const sheet = workbook.getWorksheet('Planning')!
  const zoe = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === opale && r.getCell(4).value === 'Zoé Lefèvre')!
  expect(zoe).toBeDefined()
  expect(typeof zoe.getCell(7).value).toBe('number')
  expect(zoe.getCell(7).value).toBe(Number(zoeLine!.split(';')[6]))
})

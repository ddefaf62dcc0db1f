import { readFile } from 'node:fs/promises'
import type { Browser, Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { splitCsv } from '../app/utils/forum-import.server.ts'
import { CONSENT_LABEL } from '../app/utils/forum-schema.ts'
import { expect, SEEDED_PASSWORD } from './fixtures.ts'
import { logIn } from './people.ts'

/** The steps of a forum as each person takes them in the browser, and the organiser's downloads read back. */

/** A page of its own (own cookies) for one person, signed in. */
export async function signedIn(browser: Browser, email: string, password = SEEDED_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await logIn(page, email, password)
  return page
}

export type ForumDay = { name: string; date: string; opens: string; closes: string; slotMinutes: number; tables: number; maxInterviews: number }

/** The organiser fills the new-forum form (a closing time before the opening is explained first), then opens registrations; gives the slug. */
export async function createForum(organiser: Page, day: ForumDay): Promise<string> {
  await organiser.goto('/organisation')
  await organiser.getByRole('link', { name: 'Créer un forum' }).click()
  await organiser.getByLabel('Nom du forum').fill(day.name)
  await organiser.getByLabel('Date du forum').fill(day.date)
  await organiser.getByLabel('Commune').fill('62100')
  await organiser.getByLabel('Lieu').fill('Halle Vauban')
  await organiser.getByLabel('Ouverture (HH:MM)').fill(day.opens)
  await organiser.getByLabel('Fermeture (HH:MM)').fill('08:00')
  await organiser.getByLabel('Durée d’un entretien, en minutes').fill(String(day.slotMinutes))
  await expect(organiser.getByText('La fermeture doit suivre l’ouverture.')).toBeVisible()
  await organiser.getByLabel('Fermeture (HH:MM)').fill(day.closes)
  await organiser.getByLabel('Tables par entreprise').fill(String(day.tables))
  await organiser.getByLabel('Entretiens au plus par candidat·e').fill(String(day.maxInterviews))
  await organiser.getByRole('button', { name: 'Créer le forum' }).click()
  await expect(organiser.getByRole('heading', { level: 1 })).toHaveText(day.name)
  await organiser.getByRole('button', { name: 'Ouvrir les inscriptions' }).click()
  await expect(organiser.locator('.status')).toHaveText('Inscriptions ouvertes')
  return new URL(organiser.url()).pathname.split('/').at(-1)!
}

export async function inviteCompany(organiser: Page, companyName: string) {
  await organiser.getByLabel('Entreprise vérifiée à inviter').selectOption({ label: companyName })
  await organiser.getByRole('button', { name: 'Inviter' }).click()
  await expect(organiser.getByText(`${companyName} — invitée, sans réponse`)).toBeVisible()
}

/** A recruiter finds the invitation in their space and accepts it with these offers. */
export async function joinForum(recruiter: Page, forumName: string, offerTitles: string[]) {
  await recruiter.goto('/recruteur')
  await recruiter.getByRole('link', { name: 'Forums de recrutement' }).click()
  await recruiter.getByRole('link', { name: forumName }).click()
  for (const title of offerTitles) await recruiter.getByLabel(title).check()
  await recruiter.getByRole('button', { name: 'Participer avec ces offres' }).click()
  await expect(recruiter.getByText('Vous participez.')).toBeVisible()
}

/** A candidate registers on the forum's public page (the consent box is required) and wishes to meet these companies. */
export async function registerForForum(candidate: Page, forumName: string, companies: string[], { forgetConsentFirst = false } = {}) {
  await candidate.getByRole('link', { name: 'Forums', exact: true }).click()
  await candidate.getByRole('link', { name: forumName }).click()
  if (forgetConsentFirst) {
    await candidate.getByRole('button', { name: 'M’inscrire au forum' }).click()
    await expect(candidate.getByText('Cochez la case pour accepter que votre profil soit transmis aux entreprises du forum.')).toBeVisible()
  }
  await candidate.getByLabel(CONSENT_LABEL).check()
  await candidate.getByRole('button', { name: 'M’inscrire au forum' }).click()
  await expect(candidate.getByText('Vous êtes inscrit·e à ce forum.')).toBeVisible()
  for (const name of companies) await candidate.getByLabel(`Rencontrer ${name}`).check()
  // The save must be answered before the reload, or the reload may cancel it (more likely with several workers).
  const saved = candidate.waitForResponse((r) => r.request().method() === 'POST')
  await candidate.getByRole('button', { name: 'Enregistrer mes souhaits' }).click()
  await saved
  await candidate.reload()
  for (const name of companies) await expect(candidate.getByLabel(`Rencontrer ${name}`)).toBeChecked()
}

/** The recruiter, on the forum's page, wishes to meet a candidate they know by first name and initial. */
export async function wishToMeet(recruiter: Page, shownName: string) {
  await recruiter.reload()
  await recruiter.getByRole('button', { name: `Souhaiter rencontrer ${shownName}` }).click()
  await expect(recruiter.getByRole('button', { name: `Ne plus souhaiter rencontrer ${shownName}` })).toBeVisible()
}

/** Follows a download link and gives the file's name and bytes. */
export async function download(page: Page, linkName: string): Promise<{ name: string; bytes: Buffer }> {
  const event = page.waitForEvent('download')
  await page.getByRole('link', { name: linkName }).click()
  const file = await event
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) }
}

/** A `;` CSV export read back as rows of cells keyed by the header (after the BOM), with the board's own CSV reader. */
export function csvRecords(bytes: Buffer): Record<string, string>[] {
  const text = bytes.toString('utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const [header, ...rows] = splitCsv(text.slice(1), ';').map((r) => r.cells)
  return rows.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])))
}

/** One sheet of an XLSX export read with exceljs, rows keyed by the header; cells keep their type (a score is a number). */
export async function sheetRecords(bytes: Buffer, sheetName: string): Promise<Record<string, ExcelJS.CellValue>[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet(sheetName)
  if (!sheet) throw new Error(`Pas de feuille « ${sheetName} »`)
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String)
  const records: Record<string, ExcelJS.CellValue>[] = []
  sheet.eachRow((row, n) => {
    if (n > 1) records.push(Object.fromEntries(header.map((name, i) => [name, row.getCell(i + 1).value])))
  })
  return records
}

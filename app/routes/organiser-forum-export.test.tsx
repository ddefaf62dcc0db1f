import ExcelJS from 'exceljs'
import { renderToString } from 'react-dom/server'
import { MemoryRouter } from 'react-router'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSession, createUser } from '#db/queries/accounts.ts'
import { createTestForum } from '#db/seed/test-forum.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { sessionCookieHeader } from '../utils/session.server.ts'
import { loader as agendasLoader } from './organiser-forum-agendas.tsx'
import Dashboard, { loader as dashboardLoader } from './organiser-forum-dashboard.tsx'
import { loader as exportLoader } from './organiser-forum-export.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let forum: Awaited<ReturnType<typeof createTestForum>>
const cookies: Record<'organiser' | 'other' | 'candidate' | 'admin', string> = { organiser: '', other: '', candidate: '', admin: '' }

async function account(email: string, role: 'organiser' | 'candidate' | 'admin') {
  const user = await createUser(test.db, { email, passwordHash: 'x', displayName: `Équipe ${email}`, role }, new Date())
  if (user === 'email-taken') throw new Error('taken')
  return { id: user.id, cookie: await sessionCookieHeader((await createSession(test.db, user.id, new Date())).token) }
}

beforeAll(async () => {
  test = await createTestDatabase()
  const organiser = await account('orga@exemple.fr', 'organiser')
  cookies.organiser = organiser.cookie
  cookies.other = (await account('autre@exemple.fr', 'organiser')).cookie
  cookies.candidate = (await account('c@exemple.fr', 'candidate')).cookie
  cookies.admin = (await account('admin@exemple.fr', 'admin')).cookie
  forum = await createTestForum(test.db, { organiserId: organiser.id, slug: 'forum-opale' })
})
afterAll(() => test.destroy())

type Loader = typeof exportLoader | typeof agendasLoader | typeof dashboardLoader
const call = (loader: Loader, params: Record<string, string>, who = cookies.organiser) =>
  (loader({ request: new Request('http://localhost/organisation/x', { headers: { Cookie: who } }), params, context: { db: test.db } } as never) as Promise<unknown>)
    .catch((e: unknown) => e)
const download = async (file: string, who = cookies.organiser) => (await call(exportLoader, { slug: 'forum-opale', file }, who)) as Response
const logCount = async () => (await test.db.selectFrom('export_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n

it('exports the schedule as CSV: BOM, semicolons, accents intact, formulas defused, no unconsenting candidate', async () => {
  const before = await logCount()
  const response = await download('planning.csv')
  expect(response.headers.get('Content-Disposition')).toContain('filename="planning-forum-opale.csv"')
  const bytes = new Uint8Array(await response.arrayBuffer())
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = new TextDecoder().decode(bytes).split('\r\n')
  expect(lines[0]).toBe('Entreprise;Table;Heure;Candidat·e;E-mail;Formation;Score;Offre')
  const opale = forum.companies.opale.name
  expect(lines).toContain(`${opale};1;09:00;Zoé Lefèvre;${forum.candidates.zoe.email};Master informatique, ULCO (Bac +5);87;Développeur·se React`)
  expect(lines).toContain(`${opale};2;09:00;Léa Martin;${forum.candidates.lea.email};;64;`)
  expect(lines.some((l) => l.includes(`;1;09:20;'=cmd|' /C calc'!A0 Piège;`))).toBe(true)
  expect(lines.join('\n')).not.toContain('Secrète')
  expect(lines.join('\n')).not.toContain(forum.candidates.secret.email)
  expect(await logCount()).toBe(before + 1)
  const last = await test.db.selectFrom('export_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow()
  expect(last).toMatchObject({ forum_id: forum.forum.id, kind: 'planning', format: 'csv' })
})

it('exports the match list per company, ranked by score, with the wishes', async () => {
  const text = new TextDecoder().decode(await (await download('correspondances.csv')).arrayBuffer())
  const rows = text.split('\r\n').slice(1, -1).map((l) => l.split(';'))
  const opale = rows.filter((r) => r[0] === forum.companies.opale.name).map((r) => [r[1], r[2], r[5], r[6], r[7]])
  expect(opale).toEqual([['1', 'Zoé Lefèvre', '87', 'Oui', 'Non'], ['2', 'Léa Martin', '64', 'Non', 'Non']])
  const data = rows.filter((r) => r[0] === forum.companies.data.name).map((r) => [r[1], r[2], r[5], r[7], r[8]])
  // Léa wished to meet them without an interview: she is listed, unscheduled, after the scored pairs.
  expect(data).toEqual([
    ['1', "'=cmd|' /C calc'!A0 Piège", '50', 'Non', '09:20, table 1'],
    ['2', 'Zoé Lefèvre', '41', 'Non', '09:40, table 2'],
    ['3', 'Léa Martin', '', 'Oui', 'Non planifié'],
  ])
  expect(text).not.toContain('Secrète')
})

it('exports a workbook with one sheet per view, bold French headers, and a formula-looking name as text', async () => {
  const response = await download('forum.xlsx')
  expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await response.arrayBuffer())
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['Planning', 'Correspondances'])
  const planning = workbook.getWorksheet('Planning')!
  expect(planning.getRow(1).values).toEqual([undefined, 'Entreprise', 'Table', 'Heure', 'Candidat·e', 'E-mail', 'Formation', 'Score', 'Offre'])
  expect(planning.getRow(1).font?.bold).toBe(true)
  expect(planning.getColumn(1).width).toBeGreaterThan(10)
  const rows = planning.getSheetValues().slice(2) as unknown[][]
  const zoe = rows.find((r) => r[4] === 'Zoé Lefèvre' && r[1] === forum.companies.opale.name)!
  expect(zoe[7]).toBe(87)
  const trap = planning.getRows(2, rows.length)!.find((r) => String(r.getCell(4).value).startsWith("'=cmd"))!
  expect(trap.getCell(4).type).toBe(ExcelJS.ValueType.String)
  expect(trap.getCell(4).formula).toBeUndefined()
  // A string cell, and with the same apostrophe as in CSV: editing the cell cannot turn it into a formula either.
  expect(trap.getCell(4).value).toBe("'=cmd|' /C calc'!A0 Piège")
  const matches = workbook.getWorksheet('Correspondances')!
  expect(matches.getRow(1).getCell(3).value).toBe('Candidat·e')
  expect(JSON.stringify(planning.getSheetValues()) + JSON.stringify(matches.getSheetValues())).not.toContain('Secrète')
  const last = await test.db.selectFrom('export_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow()
  expect(last).toMatchObject({ kind: 'classeur', format: 'xlsx' })
})

it('answers another organiser 404, a candidate 403, an unknown file 404, and logs nothing for them', async () => {
  const before = await logCount()
  expect((await download('planning.csv', cookies.other)).status).toBe(404)
  expect((await download('planning.csv', cookies.candidate)).status).toBe(403)
  expect((await download('secrets.csv')).status).toBe(404)
  expect((await download('constructor')).status).toBe(404)
  expect(((await call(agendasLoader, { slug: 'forum-opale' }, cookies.other)) as Response).status).toBe(404)
  expect(((await call(dashboardLoader, { slug: 'forum-opale' }, cookies.other)) as Response).status).toBe(404)
  expect(((await call(dashboardLoader, { slug: 'forum-opale' }, cookies.candidate)) as Response).status).toBe(403)
  expect(await logCount()).toBe(before)
  expect((await download('planning.csv', cookies.admin)).status).toBe(200)
})

it('builds one agenda per company (tables × slots) and per consenting candidate, logged as a print', async () => {
  const page = (await call(agendasLoader, { slug: 'forum-opale' })) as Awaited<ReturnType<typeof agendasLoader>>
  expect(page.companies.map((c) => c.name)).toEqual([forum.companies.data.name, forum.companies.opale.name].sort((a, b) => a.localeCompare(b, 'fr')))
  const opale = page.companies.find((c) => c.id === forum.companies.opale.id)!
  expect(opale.tables).toEqual([1, 2])
  expect(opale.rows).toHaveLength(9)
  expect(opale.rows[0]).toEqual({ n: 0, label: '09:00–09:20', names: ['Zoé Lefèvre', 'Léa Martin'] })
  const data = page.companies.find((c) => c.id === forum.companies.data.id)!
  // The unconsenting candidate's seat shows empty: her name is not printed.
  expect(data.rows[0]!.names).toEqual(['', ''])
  expect(page.candidates.find((c) => c.name === 'Zoé Lefèvre')!.interviews).toEqual([
    { time: '09:00–09:20', company: forum.companies.opale.name, table: 1 },
    { time: '09:40–10:00', company: forum.companies.data.name, table: 2 },
  ])
  expect(page.candidates.map((c) => c.name)).not.toContain('Secrète Sansconsentement')
  const last = await test.db.selectFrom('export_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow()
  expect(last).toMatchObject({ kind: 'agendas', format: 'print' })
})

it('shows the dashboard figures and the last exports, with accessible charts', async () => {
  const data = (await call(dashboardLoader, { slug: 'forum-opale' })) as Awaited<ReturnType<typeof dashboardLoader>>
  expect(data.coverage).toEqual([{ n: 1, candidates: 3 }, { n: 2, candidates: 1 }, { n: 3, candidates: 0 }])
  // 5 interviews for 2 companies × 2 tables × 9 slots.
  expect(data.seats).toBe(36)
  expect(data.fillRate).toBe(13.9)
  expect(data.exports[0]).toMatchObject({ who: 'Équipe orga@exemple.fr', what: 'Agendas (impression)' })
  const html = renderToString(<MemoryRouter><Dashboard {...({ loaderData: data } as unknown as Parameters<typeof Dashboard>[0])} /></MemoryRouter>)
  // Good matches (score ≥ 60) per confirmed candidate: "at least 1" ≥ "at least 3" ≥ "at least 5".
  const good = data.matchCoverage.map((c) => c.candidates)
  expect(good).toEqual([...good].sort((a, b) => b - a))
  expect(good[0]).toBeLessThanOrEqual(data.counts.candidates.confirmed)
  expect(html.match(/role="img"/g)).toHaveLength(5)
  expect(html).toContain('bonnes correspondances (score ≥ 60)')
  expect(html).toContain('<span id="remplissage-titre" class="visually-hidden">Taux de remplissage du planning</span>')
  expect(html).toContain('13,9<!-- --> %')
  expect(html).toContain('Agendas (impression)')
})

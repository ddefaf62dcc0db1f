import { z } from 'zod'
import './zod-fr.ts'
import { email } from './account-schemas.ts'

/**
 * A school's list of candidates for a forum: a CSV with a header row
 * (prenom, nom, email, formation, ecole — any case, accents or not), `;` or
 * `,` between cells. Every line is checked; one problem anywhere and nothing
 * is imported, so the organiser fixes the file and sends it again whole.
 */

export const COLUMNS = ['prenom', 'nom', 'email', 'formation', 'ecole'] as const
type Column = (typeof COLUMNS)[number]
export const COLUMN_LABELS: Record<Column, string> = { prenom: 'prénom', nom: 'nom', email: 'email', formation: 'formation', ecole: 'école' }
export const MAX_IMPORT_ROWS = 2000

export type ImportProblem = { line: number; column: string | null; message: string }
export type ImportRow = { line: number; firstName: string; lastName: string; email: string; programme: string; school: string }

const text = (label: string, max: number) =>
  z.string().trim().min(1, `Indiquez ${label}.`).max(max, `Ce champ ne peut dépasser ${max} caractères.`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'Ce champ contient des caractères de contrôle.')

const RowSchema = z.object({
  prenom: text('le prénom', 60),
  nom: text('le nom', 80),
  email,
  formation: text('la formation', 160),
  ecole: text('l’école', 160),
})

/** "Prénom", " PRENOM ", "E-mail" and "École" all name their column. */
function columnOf(header: string): string {
  const plain = header.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z]/g, '')
  return plain === 'mail' || plain === 'courriel' ? 'email' : plain
}

/** Cells of a CSV text, with the line each record starts on; quotes may hold separators, quotes ("") and line breaks. */
export function splitCsv(input: string, separator: ';' | ','): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let start = 1
  const endRecord = () => {
    cells.push(cell)
    // A blank line is no record.
    if (cells.length > 1 || cells[0]!.trim() !== '') records.push({ line: start, cells })
    cells = []
    cell = ''
  }
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') { cell += '"'; i++ }
      else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        cell += ch
      }
    } else if (ch === '"' && cell.trim() === '') { cell = ''; quoted = true }
    else if (ch === separator) { cells.push(cell); cell = '' }
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && input[i + 1] === '\n') i++
      endRecord()
      line++
      start = line
    } else cell += ch
  }
  if (cell !== '' || cells.length) endRecord()
  return records
}

export function parseImport(raw: string): { ok: true; rows: ImportRow[] } | { ok: false; problems: ImportProblem[] } {
  const input = raw.replace(/^\uFEFF/, '')
  const firstLine = input.split(/\r\n|\n|\r/, 1)[0] ?? ''
  const separator = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
  const records = splitCsv(input, separator)
  const header = records.shift()
  if (!header) return { ok: false, problems: [{ line: 1, column: null, message: 'Le fichier est vide : il faut une ligne d’en-tête (prenom;nom;email;formation;ecole) puis une ligne par candidat·e.' }] }
  const names = header.cells.map(columnOf)
  const problems: ImportProblem[] = []
  for (const column of COLUMNS) {
    const count = names.filter((n) => n === column).length
    if (count === 0) problems.push({ line: header.line, column: COLUMN_LABELS[column], message: `La colonne « ${COLUMN_LABELS[column]} » manque dans l’en-tête.` })
    if (count > 1) problems.push({ line: header.line, column: COLUMN_LABELS[column], message: `La colonne « ${COLUMN_LABELS[column]} » figure plusieurs fois dans l’en-tête.` })
  }
  if (problems.length) return { ok: false, problems }
  if (records.length === 0) return { ok: false, problems: [{ line: header.line + 1, column: null, message: 'Le fichier ne contient aucune ligne de candidat·e sous l’en-tête.' }] }
  if (records.length > MAX_IMPORT_ROWS) return { ok: false, problems: [{ line: records[MAX_IMPORT_ROWS]!.line, column: null, message: `${MAX_IMPORT_ROWS} lignes au plus par fichier : découpez la liste.` }] }

  const rows: ImportRow[] = []
  const seen = new Map<string, number>()
  for (const record of records) {
    if (record.cells.length !== names.length) {
      problems.push({ line: record.line, column: null, message: `Cette ligne compte ${record.cells.length} colonne(s) au lieu de ${names.length}.` })
      continue
    }
    const values = Object.fromEntries(COLUMNS.map((c) => [c, record.cells[names.indexOf(c)]!]))
    const parsed = RowSchema.safeParse(values)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = COLUMN_LABELS[issue.path[0] as Column] ?? null
        problems.push({ line: record.line, column, message: issue.message })
      }
      continue
    }
    const v = parsed.data
    const key = v.email.toLowerCase()
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      problems.push({ line: record.line, column: 'email', message: `Cette adresse figure déjà à la ligne ${earlier}.` })
      continue
    }
    seen.set(key, record.line)
    rows.push({ line: record.line, firstName: v.prenom, lastName: v.nom, email: key, programme: v.formation, school: v.ecole })
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows }
}

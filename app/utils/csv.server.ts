import { downloadResponse } from './download.server.ts'
/**
 * CSV the way French spreadsheet software opens it without asking: UTF-8 with
 * a BOM (so accents survive Excel), `;` between cells (the comma is the
 * French decimal mark), CRLF line ends.
 */
const BOM = '\uFEFF'

// A cell starting with one of these is read as a formula by Excel or LibreOffice
// (CSV injection): a leading apostrophe makes it plain text again.
const FORMULA_START = /^[=+\-@\t\r]/

export type CsvCell = string | number | null | undefined

export function csvCell(value: CsvCell): string {
  let text = value == null ? '' : String(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n'
}

/** A download of `csv` under `filename`. */
export function csvResponse(csv: string, filename: string): Response {
  return downloadResponse(csv, { name: filename, type: 'text/csv; charset=utf-8' })
}

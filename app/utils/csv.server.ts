import { downloadResponse } from './download.server.ts'
import { neutraliseFormula } from './spreadsheet-cell.ts'
/**
 * CSV the way French spreadsheet software opens it without asking: UTF-8 with
 * a BOM (so accents survive Excel), `;` between cells (the comma is the
 * French decimal mark), CRLF line ends.
 */
const BOM = '\uFEFF'

export type CsvCell = string | number | null | undefined

export function csvCell(value: CsvCell): string {
  const text = value == null ? '' : typeof value === 'number' ? String(value) : neutraliseFormula(value)
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n'
}

/** A download of `csv` under `filename`. */
export function csvResponse(csv: string, filename: string): Response {
  return downloadResponse(csv, { name: filename, type: 'text/csv; charset=utf-8' })
}

import { downloadResponse } from './download.server.ts'
import { neutraliseFormula } from './spreadsheet-cell.ts'

export type SheetCell = string | number | null
export type Sheet = { name: string; header: string[]; rows: SheetCell[][]; widths?: number[] }

/**
 * A workbook of plain tables, one sheet per view: a bold, frozen header row
 * and column widths, so it opens readable in Excel or LibreOffice.
 * Every text is written as a string cell, never as a formula: a name such as
 * "=cmd|' /C calc'!A0" stays text in the file (exceljs only writes a formula
 * for a `{ formula }` value, which nothing here builds), and a text that
 * would become one when edited gets the same apostrophe as in CSV.
 */
export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  // Loaded on the first export, not at start: exceljs alone is half a second of every server process's start-up.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Passerelle'
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = sheet.header.map((header, i) => ({
      header,
      width: sheet.widths?.[i] ?? Math.min(50, Math.max(header.length + 2, ...sheet.rows.map((r) => String(r[i] ?? '').length + 2))),
    }))
    ws.getRow(1).font = { bold: true }
    for (const row of sheet.rows) {
      ws.addRow(row.map((cell) => (typeof cell === 'number' ? cell : cell == null ? null : neutraliseFormula(String(cell)))))
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export function xlsxResponse(bytes: Buffer, filename: string): Response {
  return downloadResponse(new Uint8Array(bytes), {
    name: filename,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  })
}

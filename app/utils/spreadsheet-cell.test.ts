import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { parseCsv } from './csv-reader.test-support.ts'
import { toCsv } from './csv.server.ts'
import { neutraliseFormula } from './spreadsheet-cell.ts'
import { toXlsx } from './xlsx.server.ts'

const HOSTILE = [
  '\u0000=HYPERLINK("http://evil.example","x")', '\u0000\u0000+1', ' =1+1', '\u0001 @SUM(A1)', '\t-1', '\r=2', '\u00a0=3',
  '\u001f\u007f=4', '\ufeff=5', '=6', '+7', '-8', '@9',
]


it('a formula hidden behind NUL, other control characters or spaces is text in the CSV and the XLSX, read back from the files', async () => {
  const rows = HOSTILE.map((message, i) => [`Candidat ${i}`, message])
  const csv = parseCsv(toCsv(['Nom', 'Message'], rows))
  const workbook = new ExcelJS.Workbook()
  const bytes = await toXlsx([{ name: 'Candidatures', header: ['Nom', 'Message'], rows }])
  await workbook.xlsx.load(new Uint8Array(bytes).buffer)
  const sheet = workbook.getWorksheet('Candidatures')!
  HOSTILE.forEach((message, i) => {
    expect(csv[i + 1]![1], JSON.stringify(message)).toBe(`'${message}`)
    const cell = sheet.getRow(i + 2).getCell(2)
    expect(cell.type, JSON.stringify(message)).toBe(ExcelJS.ValueType.String)
    // XML cannot carry C0 controls but tab, LF and CR (read back as LF): exceljs leaves them out; the apostrophe stays first.
    expect(cell.value).toBe(`'${message}`.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\r/g, '\n'))
  })
})

it('leaves ordinary text alone', () => {
  for (const text of ['Bonjour = salut', 'Développeuse React', '', 'a-b', '06 12 34 56 78']) expect(neutraliseFormula(text)).toBe(text)
})

it('property: once neutralised, no text starts a formula however many control characters and spaces lead it', () => {
  const lead = fc.array(fc.constantFrom('\u0000', '\u0001', '\u001f', ' ', '\u00a0', '\u007f', '\n'), { maxLength: 6 }).map((a) => a.join(''))
  fc.assert(
    fc.property(lead, fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string(), (prefix, start, rest) => {
      const cell = neutraliseFormula(prefix + start + rest)
      expect(cell.startsWith("'")).toBe(true)
    }),
  )
})

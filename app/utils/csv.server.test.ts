import fc from 'fast-check'
import { expect, it } from 'vitest'
import { csvCell, toCsv } from './csv.server.ts'
import { parseCsv } from './csv-reader.test-support.ts'


it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
  expect(toCsv(['Nom', 'Étape'], [['Zoé', 'Entretien']])).toBe('\uFEFFNom;Étape\r\nZoé;Entretien\r\n')
})

it('quotes cells holding ; " CR or LF, doubling the quotes', () => {
  expect(csvCell('a;b')).toBe('"a;b"')
  expect(csvCell('il a dit "oui"')).toBe('"il a dit ""oui"""')
  expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"')
  expect(csvCell('a\rb')).toBe('"a\rb"')
  expect(csvCell(null)).toBe('')
  expect(csvCell(42)).toBe('42')
})

it('neutralises cells a spreadsheet would run as formulas', () => {
  expect(csvCell('=HYPERLINK("http://evil.example","clic")')).toBe(`"'=HYPERLINK(""http://evil.example"",""clic"")"`)
  expect(csvCell('+33 6 12 34 56 78')).toBe("'+33 6 12 34 56 78")
  expect(csvCell('-2+3')).toBe("'-2+3")
  expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)")
  expect(csvCell('\t=1+1')).toBe("'\t=1+1")
  expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`)
  expect(csvCell('Bonjour = salut')).toBe('Bonjour = salut')
})

it('fuzzed: any cells read back the same, formulas defused by one apostrophe', () => {
  const cellText = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ';', '"', 'é', 'a', ' ', "'"), maxLength: 12 }),
  )
  fc.assert(
    fc.property(fc.array(fc.array(cellText, { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (rows) => {
      const back = parseCsv(toCsv(['A', 'B', 'C'], rows))
      expect(back[0]).toEqual(['A', 'B', 'C'])
      expect(back.slice(1)).toEqual(rows.map((r) => r.map((c) => (/^[\u0000-\u0020\u007f-\u00a0\u2000-\u200b\u3000\ufeff]*[=+\-@\t\r]/.test(c) ? `'${c}` : c))))
    }),
    { numRuns: 500 },
  )
})

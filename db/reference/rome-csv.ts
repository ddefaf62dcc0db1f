import { readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Reads one file of France Travail's ROME referential ("unix" CSV: RFC 4180,
 * every field quoted, "" for a quote, commas and newlines inside quotes) as
 * records keyed by the header. Used only by the derive scripts, never at run time.
 */
export function readRomeCsv(folder: string, file: string): Record<string, string>[] {
  const text = readFileSync(path.join(folder, file), 'utf8')
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(field), (field = '')
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '')
    else if (c !== '\r') field += c
  }
  if (field !== '' || row.length) row.push(field), rows.push(row)
  const [header, ...records] = rows
  return records.map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k] ?? ''])))
}

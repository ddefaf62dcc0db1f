/**
 * Derives db/reference/data/rome-occupations.json: the digital occupations of
 * ROME 4.0 (France Travail's occupational referential), their job titles
 * (appellations) and their mobility links. Run by hand when ROME changes:
 * `npx tsx db/reference/derive-rome-occupations.ts [path/to/rome/folder]`;
 * the app and the tests read only the derived file.
 *
 * Source: France Travail, ROME 4.0 version 60 (25M09), Licence Ouverte / Open Licence (Etalab),
 * the "unix" CSV extract (../shared/data/rome, see its SOURCES.md).
 * Kept: professional domain M18 "Systèmes d'information et de télécommunication" without its
 * non-IT fiches (M1807 armed-forces telecom operator, M1808 cartographer, the meteorology ones
 * M1809 M1888 M1890 M1891 M1893), plus the digital fiches outside M18 listed in DIGITAL_OUTSIDE_M18.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { readRomeCsv } from './rome-csv.ts'

const NOT_DIGITAL_IN_M18 = new Set(['M1807', 'M1808', 'M1809', 'M1888', 'M1890', 'M1891', 'M1893'])
const DIGITAL_OUTSIDE_M18 = [
  'M1405', 'M1419', 'M1423', 'M1426', 'K1906', 'E1101', 'E1104', 'E1113', 'E1115', 'E1124', 'E1125', 'E1205', 'E1206',
  'E1207', 'E1210', 'E1405', 'E1407', 'M1716', 'M1718', 'D1438', 'I1401', 'I1403', 'I1404', 'I1405', 'I1406', 'I1409',
  'I1104', 'I1312', 'H1215', 'G1238',
]

const folder = process.argv[2] ?? path.resolve(import.meta.dirname, '../../../shared/data/rome')
const output = path.join(import.meta.dirname, 'data', 'rome-occupations.json')

const readCsv = (file: string) => readRomeCsv(folder, file)

const fiches = readCsv('unix_referentiel_code_rome_v460_utf8.csv')
const kept = new Set([
  ...fiches.map((f) => f.code_rome!).filter((code) => code.startsWith('M18') && !NOT_DIGITAL_IN_M18.has(code)),
  ...DIGITAL_OUTSIDE_M18,
])
const missing = [...kept].filter((code) => !fiches.some((f) => f.code_rome === code))
if (missing.length) throw new Error(`Unknown ROME codes: ${missing.join(', ')}`)

const appellations = readCsv('unix_referentiel_appellation_v460_utf8.csv').filter((a) => kept.has(a.code_rome!))
const mobility = readCsv('unix_rubrique_mobilite_v460_utf8.csv').filter((m) => kept.has(m.code_rome!) && kept.has(m.code_rome_cible!))

const occupations = fiches
  .filter((f) => kept.has(f.code_rome!))
  .sort((a, b) => (a.code_rome! < b.code_rome! ? -1 : 1))
  .map((f) => ({
    code: f.code_rome!,
    label: f.libelle_rome!,
    appellations: appellations
      .filter((a) => a.code_rome === f.code_rome && a.peu_usite !== 'O')
      .sort((a, b) => Number(a.code_ogr) - Number(b.code_ogr))
      .map((a) => ({ id: Number(a.code_ogr), label: a.libelle_appellation_long!, short: a.libelle_appellation_court! })),
    mobility: mobility
      .filter((m) => m.code_rome === f.code_rome)
      .sort((a, b) => Number(a.numero_ordre) - Number(b.numero_ordre))
      .map((m) => m.code_rome_cible!),
  }))

const versionText = readFileSync(path.join(folder, 'version.txt'), 'utf8')
const field = (name: string) => new RegExp(`${name}\\s*:\\s*(.+)`, 'i').exec(versionText)?.[1]?.trim() ?? '?'
const version = `ROME 4.0 version ${field('Numero de version')}, publiée le ${field('Date de publication')}`
writeFileSync(
  output,
  JSON.stringify(
    { source: 'France Travail, ROME 4.0 — Licence Ouverte / Open Licence (Etalab)', version, occupations },
    null,
    0,
  ).replace(/\{"code"/g, '\n{"code"') + '\n',
)
console.log(`${occupations.length} occupations, ${occupations.reduce((n, o) => n + o.appellations.length, 0)} job titles, ${mobility.length} mobility links → ${path.relative(process.cwd(), output)}`)

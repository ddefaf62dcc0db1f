/**
 * Derives db/reference/data/communes.tsv.gz: every current French commune with
 * its point, postcodes, department, EPCI and population. Run once by hand when
 * a source changes (`npx tsx db/reference/derive-communes.ts [path/to/communes.csv]`);
 * the app and the tests only read the derived file, never the sources.
 *
 * Sources:
 * - points: `communes.csv` of the team's shared data (../shared/data/communes, see its SOURCES.md):
 *   API Découpage administratif (geo.api.gouv.fr), after IGN ADMIN EXPRESS COG 2025 and INSEE COG,
 *   Licence Ouverte 2.0; overseas collectivities (COM): © OpenStreetMap contributors (ODbL) and local sources.
 * - names, postcodes, departments, EPCI membership, population: npm `@etalab/decoupage-administratif`
 *   6.0.0 (MIT package; INSEE COG 2026 data, Licence Ouverte).
 *
 * Output: UTF-8 TSV, gzipped, sorted by INSEE code, header
 * `insee name department postcodes epci population lat lon` (postcodes space-separated).
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const require = createRequire(import.meta.url)
type EtalabCommune = { code: string; nom: string; type: string; departement?: string; codesPostaux?: string[]; population?: number }
type EtalabEpci = { code: string; membres: { code: string }[] }

const source = process.argv[2] ?? path.resolve(import.meta.dirname, '../../../shared/data/communes/communes.csv')
const output = path.join(import.meta.dirname, 'data', 'communes.tsv.gz')

const points = new Map<string, { lat: string; lon: string }>()
const [header, ...lines] = readFileSync(source, 'utf8').trimEnd().split('\n')
if (header !== 'insee,name,lat,lon') throw new Error(`Unexpected header in ${source}: ${header}`)
for (const line of lines) {
  const [insee, , lat, lon] = line.split(',')
  points.set(insee!, { lat: Number(lat).toString(), lon: Number(lon).toString() })
}

const communes = (require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[]).filter((c) => c.type === 'commune-actuelle')
const epciOf = new Map<string, string>()
for (const epci of require('@etalab/decoupage-administratif/data/epci.json') as EtalabEpci[]) {
  for (const member of epci.membres) epciOf.set(member.code, epci.code)
}

const rows = communes
  .map((c) => {
    const point = points.get(c.code)
    if (!point) throw new Error(`No point for commune ${c.code} ${c.nom}`)
    if (/[\t\n]/.test(c.nom)) throw new Error(`Tab or newline in a name: ${c.code}`)
    return [c.code, c.nom, c.departement ?? '', (c.codesPostaux ?? []).join(' '), epciOf.get(c.code) ?? '', String(c.population ?? ''), point.lat, point.lon]
  })
  .sort((a, b) => (a[0]! < b[0]! ? -1 : 1))

const tsv = ['insee\tname\tdepartment\tpostcodes\tepci\tpopulation\tlat\tlon', ...rows.map((r) => r.join('\t'))].join('\n') + '\n'
// mtime 0 in the gzip header: the same sources give the same bytes.
const gz = gzipSync(tsv, { level: 9 })
gz.writeUInt32LE(0, 4)
writeFileSync(output, gz)
console.log(`${rows.length} communes → ${path.relative(process.cwd(), output)} (${gz.length} bytes, sha256 ${createHash('sha256').update(gz).digest('hex')})`)

import type { DB } from '../connection.ts'

/**
 * Choosing a commune by name or postcode among the 34,969 of France. The list
 * is read once per database handle (a few MB) and searched in memory: names
 * are folded (case, accents, hyphens, "St" for "Saint") so that "saint etienne"
 * finds Saint-Étienne.
 */
export type CommuneChoice = { insee: string; name: string; department: string; postcodes: string[]; population: number }

type Entry = CommuneChoice & { folded: string }
const directories = new WeakMap<DB, Promise<Entry[]>>()

export const MAX_COMMUNE_TEXT = 100
const INSEE = /^(\d{5}|2[AB]\d{3})$/
const POSTCODE = /^\d{5}$/

/** "Calais (62)": what a commune field shows, and what it reads back unambiguously in most cases. */
export function communeLabel(c: Pick<CommuneChoice, 'name' | 'department'>): string {
  return `${c.name} (${c.department})`
}

export function foldCommuneName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(st|ste)\b/g, (m) => (m === 'st' ? 'saint' : 'sainte'))
    .trim()
}

function directory(db: DB): Promise<Entry[]> {
  let list = directories.get(db)
  if (!list) {
    list = db
      .selectFrom('communes')
      .select(['insee', 'name', 'department', 'postal_codes', 'population'])
      .where('latitude', 'is not', null)
      .execute()
      .then((rows) =>
        rows
          .map((r) => ({
            insee: r.insee,
            name: r.name,
            department: r.department,
            postcodes: JSON.parse(r.postal_codes) as string[],
            population: r.population ?? 0,
            folded: foldCommuneName(r.name),
          }))
          // Bigger places first: "Saint-Denis" lists the one of Seine-Saint-Denis before the village.
          .sort((a, b) => b.population - a.population),
      )
    list.catch(() => directories.delete(db))
    directories.set(db, list)
  }
  return list
}

const strip = ({ folded: _, ...choice }: Entry): CommuneChoice => choice

export type CommuneResolution =
  | { status: 'found'; commune: CommuneChoice }
  | { status: 'ambiguous'; choices: CommuneChoice[] }
  | { status: 'unknown' }

/**
 * What the user meant by the text of a commune field: a postcode (5 digits;
 * an INSEE code only if no commune has that postcode, since half the
 * postcodes are also some other commune's INSEE code), a name, or a name with
 * its department or postcode ("Saint-Omer (62)", "Calais 62100").
 */
export async function resolveCommune(db: DB, raw: string, limit = 12): Promise<CommuneResolution> {
  const text = raw.trim().slice(0, MAX_COMMUNE_TEXT)
  if (text === '') return { status: 'unknown' }
  const list = await directory(db)
  const candidates: Entry[] = []
  if (POSTCODE.test(text)) {
    candidates.push(...list.filter((c) => c.postcodes.includes(text)))
    if (candidates.length === 0) candidates.push(...list.filter((c) => c.insee === text))
    if (candidates.length === 1) return { status: 'found', commune: strip(candidates[0]!) }
  } else {
    const match = /^(.*?)[\s,]*(?:\(?\s*(\d{5}|\d{2,3}|2[AB])\s*\)?)?$/i.exec(text)
    const name = foldCommuneName(match?.[1] ?? text)
    const qualifier = match?.[2]?.toUpperCase()
    const qualifies = (c: Entry) =>
      !qualifier || (qualifier.length === 5 ? c.postcodes.includes(qualifier) : c.department === qualifier)
    if (name === '') return { status: 'unknown' }
    const exact = list.filter((c) => c.folded === name && qualifies(c))
    if (exact.length === 1) return { status: 'found', commune: strip(exact[0]!) }
    candidates.push(...exact)
    if (exact.length === 0) candidates.push(...list.filter((c) => c.folded.startsWith(name) && qualifies(c)).slice(0, limit))
  }
  if (candidates.length === 0) return { status: 'unknown' }
  return { status: 'ambiguous', choices: candidates.slice(0, limit).map(strip) }
}

/** A commune by its INSEE code (links, stored rows, hidden fields). */
export async function findCommune(db: DB, insee: string): Promise<CommuneChoice | undefined> {
  if (!INSEE.test(insee)) return undefined
  const found = (await directory(db)).find((c) => c.insee === insee)
  return found && strip(found)
}

/**
 * A commune field as forms send it: the code of the commune it showed (hidden)
 * and the text the user left in it. The code stands while the text is still
 * its label; edited text is resolved; a field sent empty means no commune.
 * Without the text (an older client, a test), the code alone decides.
 */
export async function resolveCommuneInput(
  db: DB,
  input: { insee?: string | null; text?: string | null },
): Promise<CommuneResolution | { status: 'empty' }> {
  const shown = input.insee ? await findCommune(db, input.insee) : undefined
  if (input.text === undefined || input.text === null) {
    if (!input.insee) return { status: 'empty' }
    return shown ? { status: 'found', commune: shown } : { status: 'unknown' }
  }
  const text = input.text.trim()
  if (text === '') return { status: 'empty' }
  if (shown && text === communeLabel(shown)) return { status: 'found', commune: shown }
  return resolveCommune(db, text)
}

/** Suggestions while typing: names starting with the text (bigger places first), or postcodes starting with its digits. */
export async function suggestCommunes(db: DB, raw: string, limit = 10): Promise<CommuneChoice[]> {
  const text = raw.trim().slice(0, MAX_COMMUNE_TEXT)
  if (text.length < 2) return []
  const list = await directory(db)
  if (/^\d+$/.test(text)) return list.filter((c) => c.postcodes.some((p) => p.startsWith(text))).slice(0, limit).map(strip)
  const name = foldCommuneName(text)
  if (name === '') return []
  const starts = list.filter((c) => c.folded.startsWith(name))
  const inside = starts.length >= limit ? [] : list.filter((c) => !c.folded.startsWith(name) && c.folded.includes(` ${name}`))
  return [...starts, ...inside].slice(0, limit).map(strip)
}

/** Name and department of the communes a page shows in its fields. */
export async function communeLabels(db: DB, insees: (string | null | undefined)[]): Promise<Record<string, string>> {
  const wanted = [...new Set(insees.filter((i): i is string => !!i))]
  if (wanted.length === 0) return {}
  const rows = await db.selectFrom('communes').select(['insee', 'name', 'department']).where('insee', 'in', wanted).execute()
  return Object.fromEntries(rows.map((r) => [r.insee, communeLabel(r)]))
}

import { skillsNamedIn } from '#search/matching/skills-in-text.ts'
import type { DB } from '../connection.ts'

/** Communes and occupations known to the board, loaded once per import run. */
export type Referential = {
  /** The INSEE code of the board's commune for a source's code and postcode, or null. */
  commune(insee: string | null, postalCode: string | null): string | null
  isOccupation(code: string): boolean
  /** Skills of the taxonomy named in the title (required) or the description (appreciated), by slug. */
  skillsIn(title: string, description: string): { slug: string; required: boolean }[]
}

/** Most skills an imported offer gets from its text. */
const MAX_SKILLS = 12

// Paris, Lyon and Marseille are one commune here; sources often give an arrondissement.
function cityOfArrondissement(insee: string): string | null {
  if (/^751(0[1-9]|1\d|20)$/.test(insee)) return '75056'
  if (/^6938[1-9]$/.test(insee)) return '69123'
  if (/^132(0[1-9]|1[0-6])$/.test(insee)) return '13055'
  return null
}

export async function loadReferential(db: DB): Promise<Referential> {
  const communes = await db.selectFrom('communes').select(['insee', 'postal_codes', 'population']).execute()
  const known = new Set(communes.map((c) => c.insee))
  // The most populated commune of each postcode stands for it (a postcode may serve several).
  const byPostcode = new Map<string, { insee: string; population: number }>()
  for (const c of communes) {
    for (const code of JSON.parse(c.postal_codes) as string[]) {
      const held = byPostcode.get(code)
      if (!held || (c.population ?? 0) > held.population) byPostcode.set(code, { insee: c.insee, population: c.population ?? 0 })
    }
  }
  const occupations = new Set((await db.selectFrom('occupations').select('code').execute()).map((o) => o.code))
  // The one extractor of skills from offer text (also the offer form's suggestions and the scorer's evidence).
  const found = (text: string) => new Set(skillsNamedIn(text))
  return {
    commune(insee, postalCode) {
      if (insee && known.has(insee)) return insee
      const city = insee ? cityOfArrondissement(insee) : null
      if (city && known.has(city)) return city
      return (postalCode && byPostcode.get(postalCode)?.insee) || null
    },
    isOccupation: (code) => occupations.has(code),
    skillsIn(title, description) {
      const required = found(title)
      const appreciated = [...found(description)].filter((slug) => !required.has(slug))
      return [...[...required].map((slug) => ({ slug, required: true })), ...appreciated.map((slug) => ({ slug, required: false }))]
        .sort((a, b) => Number(b.required) - Number(a.required) || a.slug.localeCompare(b.slug))
        .slice(0, MAX_SKILLS)
    },
  }
}

import rome from './data/rome-occupations.json' with { type: 'json' }

/**
 * The digital occupations of ROME 4.0 (France Travail, Licence Ouverte), as
 * derived by db/reference/derive-rome-occupations.ts: code, label, the job
 * titles (appellations) that name it, and its mobility neighbours.
 */
export type Occupation = {
  code: string
  label: string
  appellations: { id: number; label: string; short: string }[]
  mobility: string[]
}

export const ROME_SOURCE = `${rome.source}, ${rome.version}`
export const OCCUPATIONS: Occupation[] = rome.occupations
export const OCCUPATION_CODE = /^[A-N]\d{4}$/

const byCode = new Map(OCCUPATIONS.map((o) => [o.code, o]))
export function occupationByCode(code: string | null | undefined): Occupation | undefined {
  return code ? byCode.get(code) : undefined
}

/** "Développeur / Développeuse web" → "Développeur·se web"-like short French label for lists. */
export function occupationLabel(code: string): string {
  return byCode.get(code)?.label ?? code
}

/** The groups the pickers show: the information-systems family first, then the other digital trades. */
export function occupationGroups(): { name: string; occupations: Occupation[] }[] {
  const sorted = [...OCCUPATIONS].sort((a, b) => a.label.localeCompare(b.label, 'fr'))
  return [
    { name: 'Systèmes d’information et télécoms', occupations: sorted.filter((o) => o.code.startsWith('M18')) },
    { name: 'Data, web, design, marketing et support', occupations: sorted.filter((o) => !o.code.startsWith('M18')) },
  ]
}

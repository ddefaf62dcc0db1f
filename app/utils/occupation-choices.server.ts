import { occupationGroups } from '#db/reference/occupations.ts'
import type { OccupationGroup } from '../components/occupation-select.tsx'

/** The ROME occupations a form lists, grouped, codes and labels only (the job titles stay on the server). */
export function occupationChoices(): OccupationGroup[] {
  return occupationGroups().map((g) => ({ name: g.name, occupations: g.occupations.map(({ code, label }) => ({ code, label })) }))
}

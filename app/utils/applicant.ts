import type { DegreeLevel } from '#db/domain.ts'
import { DEGREE_SHORT_LABELS } from './labels.ts'

export const DELETED_CANDIDATE = 'Candidat·e ayant supprimé son compte'

/** The applicant's name, or the deleted-account label once the candidate is gone. */
export function applicantName(a: { candidate_id: number | null; first_name: string | null; last_name: string | null }): string {
  if (a.candidate_id === null || a.first_name === null) return DELETED_CANDIDATE
  return `${a.first_name} ${a.last_name ?? ''}`.trim()
}

/** "Master informatique, Université du Littoral (Bac +5, 2027)", leaving out what is not filled in. */
export function trainingOf(p: { programme: string | null; school: string | null; degree_level: DegreeLevel | null; graduation_year: number | null }): string {
  const extra = [p.degree_level ? DEGREE_SHORT_LABELS[p.degree_level] : null, p.graduation_year].filter(Boolean).join(', ')
  const main = [p.programme, p.school].filter(Boolean).join(', ')
  return [main, extra ? `(${extra})` : ''].filter(Boolean).join(' ')
}

/** The profile's links, http(s) only: they become hrefs. */
export function safeLinks(json: string | null): string[] {
  try {
    const parsed: unknown = JSON.parse(json ?? '[]')
    return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string' && /^https?:\/\//i.test(l)) : []
  } catch {
    return []
  }
}

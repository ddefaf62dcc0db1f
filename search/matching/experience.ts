import { experienceLevelOfYears, type ExperienceKind, type ExperienceLevel } from '#db/domain.ts'

/** A dated entry of a profile: an internship, a work-study contract or a job, by month (YYYY-MM); no end = ongoing. */
export type ExperienceEntry = { kind: ExperienceKind; start: string; end: string | null }

const MONTH = /^(\d{4})-(\d{2})$/
function monthIndex(month: string): number | null {
  const m = MONTH.exec(month)
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null
}

/**
 * Months of experience the entries prove, each month counted once (overlapping
 * entries do not add up), months after `now` ignored. Internships and
 * work-study count like jobs: that is the experience a graduate has.
 */
export function experienceMonths(entries: readonly ExperienceEntry[], now: Date): number {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth()
  const months = new Set<number>()
  for (const e of entries) {
    const from = monthIndex(e.start)
    const to = Math.min(current, e.end === null ? current : monthIndex(e.end) ?? -1)
    if (from === null) continue
    for (let m = from; m <= to && months.size < 1200; m++) months.add(m)
  }
  return months.size
}

/**
 * The experience a candidate brings, in years: their dated entries when they
 * gave any, else the years since graduation (the old estimate, said as such).
 */
export function experienceOf(
  profile: { experience: readonly ExperienceEntry[]; graduationYear: number | null },
  now: Date,
): { years: number; level: ExperienceLevel; from: 'entries' | 'graduation' | 'none' } {
  if (profile.experience.length) {
    const years = experienceMonths(profile.experience, now) / 12
    return { years, level: experienceLevelOfYears(years), from: 'entries' }
  }
  if (profile.graduationYear === null) return { years: 0, level: 'entry', from: 'none' }
  const years = Math.max(0, now.getUTCFullYear() - profile.graduationYear)
  return { years, level: experienceLevelOfYears(years), from: 'graduation' }
}

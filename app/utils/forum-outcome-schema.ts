import { z } from 'zod'
import './zod-fr.ts'

export const OUTCOME_LABELS = { hired: 'Embauche', not_hired: 'Pas d’embauche' } as const

/** One interview's outcome, marked by its company after the forum. */
export const OutcomeSchema = z.object({
  interviewId: z.coerce
    .number({ error: 'Entretien inconnu : rechargez la page.' })
    .int('Entretien inconnu : rechargez la page.')
    .positive('Entretien inconnu : rechargez la page.')
    .max(Number.MAX_SAFE_INTEGER, 'Entretien inconnu : rechargez la page.'),
  outcome: z.enum(['hired', 'not_hired'], { error: 'Choisissez « Embauche » ou « Pas d’embauche ».' }),
})

/** Today at the venue (Europe/Paris), as YYYY-MM-DD like forums.date. */
export function venueToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

import { z } from 'zod'
import '#app/utils/zod-fr.ts'
import { ALERT_FREQUENCIES, APPLICATION_MAIL_MODES } from '#db/domain.ts'
import { CONTRACT_LABELS, EXPERIENCE_LABELS, REMOTE_LABELS } from './labels.ts'
import { offerQueryToParams, parseOfferQuery } from '#search/query-params.ts'
import { email } from './account-schemas.ts'

export const FREQUENCY_LABELS = { daily: 'Chaque jour', weekly: 'Chaque semaine' } as const

const frequency = z.enum(ALERT_FREQUENCIES, { error: 'Choisissez : chaque jour ou chaque semaine.' })
const search = z.string({ error: 'Recherche invalide.' }).max(2000, 'Cette recherche est trop longue pour une alerte.').default('')

/** "Créer une alerte": the search (a query string), the frequency, and a visitor's address. */
export const NewAlertSchema = z.object({
  recherche: search,
  frequence: frequency.default('daily'),
  email: email.optional(),
})

export const alertId = z.coerce.number({ error: 'Alerte inconnue.' }).int('Alerte inconnue.').positive('Alerte inconnue.').max(2 ** 31, 'Alerte inconnue.')

/** "Mes alertes": one intent per button. */
export const ManageAlertSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('pause'), alerte: alertId }),
    z.object({ intent: z.literal('resume'), alerte: alertId }),
    z.object({ intent: z.literal('delete'), alerte: alertId }),
    z.object({ intent: z.literal('frequency'), alerte: alertId, frequence: frequency }),
    // "Mettre à jour l'alerte" on the search page opened by "Modifier la recherche": the search it now shows.
    z.object({ intent: z.literal('search'), alerte: alertId, recherche: search }),
  ],
  { error: 'Action inconnue.' },
)

/**
 * The search an alert keeps, as the search page would read it back: every
 * filter, without the page nor the sort (an alert mails the newest offers).
 */
export function canonicalAlertSearch(raw: string): string {
  const { query } = parseOfferQuery(new URLSearchParams(raw.replace(/^\?/, '')))
  return offerQueryToParams({ ...query, page: 1, sort: query.text ? 'relevance' : 'date' }).toString()
}

/** A short French name for a saved search, shown in "Mes alertes" and in its mails. */
export function alertLabel(search: string): string {
  const { query } = parseOfferQuery(new URLSearchParams(search))
  const parts: string[] = []
  if (query.text.trim()) parts.push(`« ${query.text.trim().slice(0, 60)} »`)
  parts.push(...query.contracts.map((c) => CONTRACT_LABELS[c]))
  parts.push(...query.remote.map((r) => REMOTE_LABELS[r]))
  parts.push(...query.experience.map((e) => EXPERIENCE_LABELS[e]))
  const others =
    query.territories.length + query.skills.length + query.companies.length + query.occupations.length +
    (query.near ? 1 : 0) + (query.salaryMin !== null ? 1 : 0) + (query.postedWithinDays !== null ? 1 : 0)
  if (others > 0) parts.push(others === 1 ? '1 autre filtre' : `${others} autres filtres`)
  return parts.length ? parts.join(' · ') : 'Toutes les offres'
}

const checkbox = z.preprocess((v) => v === 'on' || v === 'true', z.boolean())

/** /compte/notifications: unchecked boxes are absent from the form, hence false. */
export const PreferencesSchema = z.object({
  newApplications: z.enum(APPLICATION_MAIL_MODES, { error: 'Choisissez : aussitôt, une fois par jour ou jamais.' }).default('immediate'),
  applicationUpdates: checkbox.default(false),
  forumReminders: checkbox.default(false),
})
export const APPLICATION_MAIL_LABELS = {
  immediate: 'À chaque candidature, aussitôt',
  daily: 'Un récapitulatif par jour',
  off: 'Jamais (je consulte Passerelle)',
} as const

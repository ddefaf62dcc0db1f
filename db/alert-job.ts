import { composeMail } from '#app/utils/notification-mail.server.ts'
import type { Mailer } from '#app/utils/mail.server.ts'
import { CONTRACT_LABELS } from '#app/utils/labels.ts'
import { parseOfferQuery } from '#search/query-params.ts'
import type { OfferHit, SearchEngine } from '#search/types.ts'
import type { DB } from './connection.ts'
import { nextRunAfter, type AlertFrequency } from './queries/alerts.ts'

/**
 * The alert sending job, run by the maintenance (in the cluster primary, so
 * once per database). Due alerts are the active rows of `alerts` whose
 * next_run_at is past. For each, the offers the search engine finds for its
 * saved search, published since the last sending and never mailed to it, are
 * claimed (alert_sent_offers, in one transaction with a 'sending' delivery),
 * then mailed, then the delivery is marked 'sent'.
 *
 * Record, then send: at most once. A crash between the claim and the SMTP
 * answer leaves the offers claimed and the delivery 'sending' (then
 * 'uncertain'): they are never mailed again, even if that one mail was lost.
 * An SMTP error is a known failure: the claim is undone and the alert retried
 * with a growing delay. See docs/decisions/010-alerts-notifications.md.
 */

/** Offers listed in one mail; the others are counted, with a link to the whole search. */
export const MAX_OFFERS_PER_MAIL = 10
/** Offers published this long before the last sending are still looked at (deduplicated by what was sent). */
const OVERLAP_MS = 3_600_000
const DAY_MS = 86_400_000
/** A delivery still 'sending' after this was cut short by a crash. */
const STALE_SENDING_MS = 15 * 60_000
/** Retry delays after an SMTP failure: 5 min, 20 min, 80 min… at most a day. */
export function retryDelayMs(failures: number): number {
  return Math.min(DAY_MS, 5 * 60_000 * 4 ** Math.max(0, failures - 1))
}
const RESULTS_PAGE = 50

export type AlertRunSummary = { due: number; mailed: number; offers: number; empty: number; failed: number; uncertain: number; searches: number }
export type AlertJobContext = {
  db: DB
  search: SearchEngine
  mailer: Mailer
  publicUrl: string
  now: Date
  /** At most this many alerts per run (the rest stay due for the next run). */
  batch?: number
  maxOffersPerMail?: number
}

type DueAlert = {
  id: number
  email: string
  search: string
  label: string
  frequency: AlertFrequency
  since: string
  token: string
  failures: number
  user_id: number | null
  started_at: string
}

export async function sendDueAlerts(context: AlertJobContext): Promise<AlertRunSummary> {
  const { db, now } = context
  const summary: AlertRunSummary = { due: 0, mailed: 0, offers: 0, empty: 0, failed: 0, uncertain: 0, searches: 0 }
  summary.uncertain = await markCrashedDeliveries(db, now)
  const due = await db
    .selectFrom('alerts')
    .select(['id', 'email', 'search', 'label', 'frequency', 'since', 'token', 'failures', 'user_id', 'started_at'])
    .where('status', '=', 'active')
    .where('next_run_at', '<=', now.toISOString())
    .orderBy('next_run_at')
    .limit(context.batch ?? 100_000)
    .execute()
  summary.due = due.length
  // Many people save the same search: each distinct (search, window) is asked of the engine once per run.
  const results = new Map<string, Promise<{ hits: OfferHit[]; more: boolean }>>()
  for (const alert of due) {
    const windowStart = new Date(Math.max(Date.parse(alert.since) - OVERLAP_MS, Date.parse(alert.started_at)))
    const days = Math.max(1, Math.ceil((now.getTime() - windowStart.getTime()) / DAY_MS))
    const key = `${days}\u0000${alert.search}`
    let found = results.get(key)
    if (!found) {
      found = newOffersFor(context.search, alert.search, days, now)
      results.set(key, found)
      summary.searches++
    }
    const { hits, more } = await found
    const fresh = hits.filter((hit) => hit.publishedAt > windowStart.toISOString())
    // The whole page is new: there are more new offers than it holds (counted as « plus de … »).
    await sendOne(context, alert, fresh, more && fresh.length === hits.length, summary)
  }
  return summary
}

/**
 * The search's newest offers published within `days`, as the search page would
 * find them sorted by date: one page. A mail lists the newest ten; the rest are
 * only counted, so the newest page is all the job needs (an older offer not on
 * it is older than every offer listed, hence outside the next window too).
 */
async function newOffersFor(engine: SearchEngine, search: string, days: number, now: Date): Promise<{ hits: OfferHit[]; more: boolean }> {
  const { query } = parseOfferQuery(new URLSearchParams(search))
  // Sorted by date, a search is never relaxed by either engine (decision 001: only the relevance order drops
  // words): an alert mails only offers that hold every word of its search (db/alert-job.test.ts).
  query.sort = 'date'
  query.postedWithinDays = Math.min(query.postedWithinDays ?? 365, Math.min(365, days))
  query.perPage = RESULTS_PAGE
  query.page = 1
  const result = await engine.searchOffers(query, now)
  return { hits: result.hits, more: result.pageCount > 1 }
}

async function sendOne(context: AlertJobContext, alert: DueAlert, hits: OfferHit[], beyond: boolean, summary: AlertRunSummary) {
  const { db, now } = context
  const already = hits.length
    ? new Set(
        (
          await db
            .selectFrom('alert_sent_offers')
            .select('offer_id')
            .where('alert_id', '=', alert.id)
            .where('offer_id', 'in', hits.map((h) => h.id))
            .execute()
        ).map((r) => r.offer_id),
      )
    : new Set<number>()
  const fresh = hits.filter((hit) => !already.has(hit.id))
  const next = nextRunAfter(now, alert.frequency)
  if (fresh.length === 0) {
    // Nothing new: no mail.
    await db.updateTable('alerts').set({ since: now.toISOString(), next_run_at: next, failures: 0 })
      .where('id', '=', alert.id).where('status', '=', 'active').execute()
    summary.empty++
    return
  }
  // Claim: the offers are recorded as sent before the mail leaves (at most once).
  const deliveryId = await db.transaction().execute(async (trx) => {
    const still = await trx.selectFrom('alerts').select('id').where('id', '=', alert.id).where('status', '=', 'active').executeTakeFirst()
    if (!still) return null
    const delivery = await trx
      .insertInto('alert_deliveries')
      .values({ alert_id: alert.id, state: 'sending', offer_count: fresh.length, created_at: now.toISOString(), sent_at: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (let i = 0; i < fresh.length; i += 300) {
      await trx
        .insertInto('alert_sent_offers')
        .values(fresh.slice(i, i + 300).map((hit) => ({ alert_id: alert.id, offer_id: hit.id, delivery_id: delivery.id })))
        .execute()
    }
    await trx.updateTable('alerts').set({ next_run_at: next }).where('id', '=', alert.id).execute()
    return delivery.id
  })
  if (deliveryId === null) return
  try {
    await context.mailer.send(alertMail(context, alert, fresh, beyond))
  } catch (error) {
    // A refusal or a timeout: the mail did not leave. Undo the claim, retry later.
    const failures = alert.failures + 1
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('alert_deliveries').where('id', '=', deliveryId).execute()
      await trx.updateTable('alerts')
        .set({ failures, next_run_at: new Date(now.getTime() + retryDelayMs(failures)).toISOString() })
        .where('id', '=', alert.id)
        .execute()
    })
    summary.failed++
    console.error(`Alertes : envoi de l’alerte ${alert.id} échoué (essai ${failures}) :`, (error as Error).message)
    return
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('alert_deliveries').set({ state: 'sent', sent_at: new Date().toISOString() }).where('id', '=', deliveryId).execute()
    await trx.updateTable('alerts').set({ since: now.toISOString(), last_sent_at: now.toISOString(), failures: 0 }).where('id', '=', alert.id).execute()
  })
  summary.mailed++
  summary.offers += fresh.length
}

/** Deliveries a crash left 'sending': the mail may or may not have left; their offers stay claimed. */
async function markCrashedDeliveries(db: DB, now: Date): Promise<number> {
  const result = await db
    .updateTable('alert_deliveries')
    .set({ state: 'uncertain' })
    .where('state', '=', 'sending')
    .where('created_at', '<=', new Date(now.getTime() - STALE_SENDING_MS).toISOString())
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', timeZone: 'Europe/Paris' })

function alertMail({ publicUrl, maxOffersPerMail = MAX_OFFERS_PER_MAIL }: AlertJobContext, alert: DueAlert, offers: OfferHit[], beyond: boolean) {
  const listed = offers.slice(0, maxOffersPerMail)
  const more = offers.length - listed.length
  const token = encodeURIComponent(alert.token)
  const searchUrl = `${publicUrl}/offres${alert.search ? `?${alert.search}` : ''}`
  return composeMail({
    to: alert.email,
    subject:
      offers.length === 1
        ? `1 nouvelle offre pour votre alerte : ${alert.label}`
        : `${beyond ? 'Plus de ' : ''}${offers.length} nouvelles offres pour votre alerte : ${alert.label}`,
    blocks: [
      { text: 'Bonjour,' },
      {
        text: `${offers.length === 1 ? 'Une nouvelle offre correspond' : `${beyond ? 'Plus de ' : ''}${offers.length} nouvelles offres correspondent`} à votre recherche (${alert.label}) :`,
      },
      {
        list: listed.map((hit) => ({
          text: `${hit.title} — ${hit.company.name}`,
          detail: `${CONTRACT_LABELS[hit.contractType]} · ${hit.commune.name} · publiée le ${dayFormat.format(new Date(hit.publishedAt))}`,
          href: `${publicUrl}/offres/${hit.slug}`,
        })),
      },
      ...(beyond
        ? [{ text: `Et plus de ${more} autres offres.` }]
        : more > 0 ? [{ text: `Et ${more === 1 ? 'une autre offre' : `${more} autres offres`}.` }] : []),
      { link: searchUrl, label: 'Voir toute la recherche' },
      { text: `Vous recevez ce message ${alert.frequency === 'daily' ? 'chaque jour' : 'chaque semaine'} quand de nouvelles offres paraissent.` },
    ],
    // An account manages its alerts in "Mes alertes"; a visitor has only the link.
    preferencesUrl: alert.user_id ? `${publicUrl}/compte/alertes` : `${publicUrl}/alertes/desabonnement?jeton=${token}`,
    preferencesLabel: alert.user_id ? 'Gérer mes alertes' : 'Arrêter cette alerte',
    unsubscribeUrl: `${publicUrl}/alertes/desabonnement?jeton=${token}`,
  })
}

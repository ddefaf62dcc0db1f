import type { Mailer } from '#app/utils/mail.server.ts'
import type { SearchEngine } from '#search/types.ts'
import { sendDueAlerts, type AlertRunSummary } from './alert-job.ts'
import { sendNotificationJobs, type NotificationRunSummary } from './notification-jobs.ts'
import { indexOffer } from '#search/embedded/offer-index.ts'
import type { DB } from './connection.ts'
import type { FileStore } from './files.ts'
import { pendingAlertCutoff } from './queries/alerts.ts'
import { deleteCandidateAccount } from './queries/personal-data.ts'
import { OUTBOX_KEEP_DAYS, pruneSearchOutbox } from './queries/search-outbox.ts'

/**
 * The daily chores: offers past their expiry date become `expired`, candidate
 * accounts unused for two years are warned then deleted, and stale sessions,
 * tokens, rate-limit events, invitations and search outbox events are pruned
 * (those older than OUTBOX_KEEP_DAYS that an external search engine, if any,
 * already has: see db/queries/search-outbox.ts). Run at boot and every
 * day by server.ts, or by hand with `npm run maintenance`. Safe to run twice.
 */

const DAY_MS = 86_400_000
/** Candidates who have not signed in for two years are deleted (storage limitation, GDPR art. 5). */
export const INACTIVITY_DELETE_DAYS = 730
/** They are warned by e-mail this many days before, and never deleted sooner after the warning. */
export const INACTIVITY_NOTICE_DAYS = 30
/** Longer than any rate-limit window (the longest is one hour). */
const RATE_LIMIT_KEEP_MS = DAY_MS

export type MaintenanceSummary = {
  expiredOffers: number
  warned: number
  warningsFailed: number
  deleted: number
  prunedSessions: number
  prunedResets: number
  prunedRateLimits: number
  prunedInvitations: number
  prunedPendingAlerts: number
  prunedSearchEvents: number
  /** Null when the run had no search engine (alerts then wait for the next run that has one). */
  alerts: AlertRunSummary | null
  notifications: NotificationRunSummary
}

type MaintenanceContext = { db: DB; files: FileStore; mailer: Mailer; publicUrl: string; now: Date; search?: SearchEngine }

export async function runMaintenance(context: MaintenanceContext): Promise<MaintenanceSummary> {
  const expiredOffers = await expireOffers(context.db, context.now)
  // Deleting first: an account warned today is never deleted today.
  const deleted = await deleteInactiveCandidates(context)
  const { warned, failed } = await warnInactiveCandidates(context)
  return {
    expiredOffers,
    deleted,
    warned,
    warningsFailed: failed,
    ...(await pruneStaleRows(context.db, context.now)),
    prunedSearchEvents: await pruneSearchOutbox(context.db, context.now),
    // After expiry: an alert never mails an offer that expired today.
    alerts: context.search ? await sendDueAlerts({ ...context, search: context.search }) : null,
    notifications: await sendNotificationJobs(context),
  }
}

/** Published offers past their expiry date get the explicit `expired` status and leave the search index. */
export async function expireOffers(db: DB, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const expired = await trx
      .updateTable('offers')
      .set({ status: 'expired' })
      .where('status', '=', 'published')
      .where('expires_at', 'is not', null)
      .where('expires_at', '<=', now.toISOString())
      .returning('id')
      .execute()
    for (const { id } of expired) await indexOffer(trx, id)
    return expired.length
  })
}

const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString()

/**
 * Candidates inactive for two years whose warning is at least 30 days old.
 * Any activity clears the warning (recordActivity); the last condition also
 * keeps anyone active since the warning, should that ever not be the case.
 */
async function deleteInactiveCandidates({ db, files, now }: MaintenanceContext): Promise<number> {
  const due = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'candidate')
    .where('inactivity_warned_at', 'is not', null)
    .where('inactivity_warned_at', '<=', ago(now, INACTIVITY_NOTICE_DAYS))
    .where('last_active_at', '<=', ago(now, INACTIVITY_DELETE_DAYS))
    .whereRef('last_active_at', '<=', 'inactivity_warned_at')
    .execute()
  let deleted = 0
  for (const { id } of due) if (await deleteCandidateAccount(db, files, id, now)) deleted++
  return deleted
}

const frenchDate = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' })

/**
 * Candidates who will reach two years of inactivity within 30 days, not yet
 * warned. The warning is recorded only once the mail is sent: an account is
 * never deleted without its owner having been told.
 */
async function warnInactiveCandidates({ db, mailer, publicUrl, now }: MaintenanceContext) {
  const due = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'last_active_at'])
    .where('role', '=', 'candidate')
    .where('inactivity_warned_at', 'is', null)
    .where('last_active_at', '<=', ago(now, INACTIVITY_DELETE_DAYS - INACTIVITY_NOTICE_DAYS))
    .execute()
  let warned = 0
  let failed = 0
  for (const user of due) {
    // Two years after the last visit, and never less than 30 days after this mail.
    const deletion = new Date(
      Math.max(Date.parse(user.last_active_at) + INACTIVITY_DELETE_DAYS * DAY_MS, now.getTime() + INACTIVITY_NOTICE_DAYS * DAY_MS),
    )
    try {
      await mailer.send({
        to: user.email,
        subject: `Votre compte Passerelle sera supprimé le ${frenchDate.format(deletion)}`,
        text: [
          `Bonjour ${user.display_name},`,
          '',
          `Vous ne vous êtes pas connecté·e à Passerelle depuis le ${frenchDate.format(new Date(user.last_active_at))}.`,
          `Pour ne pas garder vos données plus longtemps que nécessaire, nous supprimerons votre compte, votre profil, ` +
            `votre CV et votre nom de vos candidatures le ${frenchDate.format(deletion)}, sauf si vous vous connectez d’ici là.`,
          '',
          'Pour garder votre compte, connectez-vous simplement :',
          `${publicUrl}/connexion`,
          '',
          'Si vous n’utilisez plus Passerelle, vous n’avez rien à faire.',
          '',
          'L’équipe Passerelle',
        ].join('\n'),
      })
    } catch (error) {
      // The address stays out of the log; the next run tries again.
      failed++
      console.error(`Maintenance : avertissement d’inactivité non envoyé (compte ${user.id}) :`, (error as Error).message)
      continue
    }
    await db
      .updateTable('users')
      .set({ inactivity_warned_at: now.toISOString() })
      .where('id', '=', user.id)
      .where('inactivity_warned_at', 'is', null)
      .execute()
    warned++
  }
  return { warned, failed }
}

async function pruneStaleRows(db: DB, now: Date) {
  const at = now.toISOString()
  const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows)
  return db.transaction().execute(async (trx) => ({
    prunedSessions: count(await trx.deleteFrom('sessions').where('expires_at', '<=', at).executeTakeFirst()),
    prunedResets: count(
      await trx
        .deleteFrom('password_resets')
        .where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<=', at)]))
        .executeTakeFirst(),
    ),
    prunedRateLimits: count(
      await trx.deleteFrom('rate_limit_events').where('at', '<=', new Date(now.getTime() - RATE_LIMIT_KEEP_MS).toISOString()).executeTakeFirst(),
    ),
    prunedInvitations: count(
      await trx.deleteFrom('company_invitations').where('accepted_at', 'is', null).where('expires_at', '<=', at).executeTakeFirst(),
    ),
    prunedPendingAlerts: count(
      await trx.deleteFrom('alerts').where('status', '=', 'pending').where('created_at', '<=', pendingAlertCutoff(now)).executeTakeFirst(),
    ),
  }))
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`

/** One French line for the logs. */
export function describeMaintenance(s: MaintenanceSummary): string {
  return (
    `Maintenance : ${plural(s.expiredOffers, 'offre expirée', 'offres expirées')}, ` +
    `${plural(s.warned, 'avertissement d’inactivité envoyé', 'avertissements d’inactivité envoyés')}` +
    (s.warningsFailed ? ` (${plural(s.warningsFailed, 'échec', 'échecs')})` : '') +
    `, ${plural(s.deleted, 'compte inactif supprimé', 'comptes inactifs supprimés')} ; purgés : ` +
    `${plural(s.prunedSessions, 'session', 'sessions')}, ${plural(s.prunedResets, 'jeton de réinitialisation', 'jetons de réinitialisation')}, ` +
    `${plural(s.prunedRateLimits, 'tentative', 'tentatives')}, ${plural(s.prunedInvitations, 'invitation', 'invitations')}, ` +
    `${plural(s.prunedPendingAlerts, 'alerte jamais confirmée', 'alertes jamais confirmées')}, ` +
    `${plural(s.prunedSearchEvents, `événement de recherche de plus de ${OUTBOX_KEEP_DAYS} jours`, `événements de recherche de plus de ${OUTBOX_KEEP_DAYS} jours`)}.` +
    (s.alerts ? ` ${describeAlertRun(s.alerts)}` : '') +
    ` Notifications : ${plural(s.notifications.digests, 'récapitulatif de candidatures', 'récapitulatifs de candidatures')}, ` +
    `${plural(s.notifications.reminders, 'rappel de forum', 'rappels de forum')}` +
    (s.notifications.failed ? ` (${plural(s.notifications.failed, 'échec', 'échecs')})` : '') + '.'
  )
}

export function describeAlertRun(a: AlertRunSummary): string {
  return (
    `Alertes : ${plural(a.due, 'alerte due', 'alertes dues')}, ${plural(a.mailed, 'courriel envoyé', 'courriels envoyés')} ` +
    `(${plural(a.offers, 'offre', 'offres')}), ${plural(a.empty, 'sans nouveauté', 'sans nouveauté')}` +
    (a.failed ? `, ${plural(a.failed, 'échec SMTP', 'échecs SMTP')} (nouvel essai plus tard)` : '') +
    (a.uncertain ? `, ${plural(a.uncertain, 'envoi interrompu', 'envois interrompus')} (non renvoyés)` : '') +
    '.'
  )
}

import { composeMail } from '#app/utils/notification-mail.server.ts'
import type { Mailer } from '#app/utils/mail.server.ts'
import { slotRange } from '#app/utils/forum-slots.ts'
import type { DB } from './connection.ts'
import { findCandidateProgramme } from './queries/forum-programme.ts'
import { applicationsForDigest, forumRemindersDue, recruitersDueForDigest } from './queries/notifications.ts'

/**
 * The notifications the maintenance sends: the daily digest of new
 * applications (recruiters who chose it) and the reminder two days before a
 * forum with the candidate's programme. Like alerts, each is recorded before
 * it is sent (at most once: decision 010) and the record is undone when the
 * SMTP server refuses, so the next run tries again.
 */
type JobContext = { db: DB; mailer: Mailer; publicUrl: string; now: Date }
export type NotificationRunSummary = { digests: number; reminders: number; failed: number }

const dayFormat = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Paris' })
const parisDay = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(date)

export async function sendNotificationJobs(context: JobContext): Promise<NotificationRunSummary> {
  const summary: NotificationRunSummary = { digests: 0, reminders: 0, failed: 0 }
  await sendDigests(context, summary)
  await sendForumReminders(context, summary)
  return summary
}

async function sendDigests({ db, mailer, publicUrl, now }: JobContext, summary: NotificationRunSummary) {
  const until = now.toISOString()
  for (const recruiter of await recruitersDueForDigest(db, now)) {
    const applications = await applicationsForDigest(db, recruiter.id, recruiter.digestUntil, until)
    await db.updateTable('notification_preferences').set({ digest_until: until }).where('user_id', '=', recruiter.id).execute()
    if (applications.length === 0) continue
    try {
      await mailer.send(
        composeMail({
          to: recruiter.email,
          subject: applications.length === 1 ? '1 nouvelle candidature sur Passerelle' : `${applications.length} nouvelles candidatures sur Passerelle`,
          blocks: [
            { text: `Bonjour ${recruiter.name},` },
            { text: 'Les candidatures reçues depuis le dernier récapitulatif :' },
            {
              list: applications.map((a) => ({
                text: `${[a.firstName, a.lastName].filter(Boolean).join(' ') || 'Candidat·e'} — ${a.offerTitle}`,
                detail: `${a.companyName} · reçue le ${dayFormat.format(new Date(a.createdAt))}`,
                href: `${publicUrl}/recruteur/candidatures/${a.id}`,
              })),
            },
          ],
          preferencesUrl: `${publicUrl}/compte/notifications`,
          preferencesLabel: 'Recevoir chaque candidature aussitôt, ou plus rien',
        }),
      )
      summary.digests++
    } catch (error) {
      await db.updateTable('notification_preferences').set({ digest_until: recruiter.digestUntil }).where('user_id', '=', recruiter.id).execute()
      summary.failed++
      console.error(`Récapitulatif des candidatures non envoyé (compte ${recruiter.id}) :`, (error as Error).message)
    }
  }
}

/** Two days before the forum (the venue's calendar day), each candidate with interviews gets their programme, once. */
async function sendForumReminders({ db, mailer, publicUrl, now }: JobContext, summary: NotificationRunSummary) {
  const day = parisDay(new Date(now.getTime() + 2 * 86_400_000))
  for (const due of await forumRemindersDue(db, day)) {
    // The programme the candidate's own page shows: consenting candidates only, their interviews by slot.
    const programme = await findCandidateProgramme(db, due.candidateId, due.slug)
    if (!programme?.registered || programme.interviews.length === 0) continue
    const { forum, interviews } = programme
    const claimed = await db
      .insertInto('forum_reminders')
      .values({ forum_id: due.forumId, candidate_id: due.candidateId, sent_at: now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    if ((claimed.numInsertedOrUpdatedRows ?? 0n) === 0n) continue
    const day = dayFormat.format(new Date(`${forum.date}T12:00:00Z`))
    try {
      await mailer.send(
        composeMail({
          to: due.email,
          subject: `Votre programme au forum ${forum.name}, ${day}`,
          blocks: [
            { text: `Bonjour ${due.name},` },
            { text: `Le forum « ${forum.name} » a lieu dans deux jours, le ${day}${forum.venue ? `, ${forum.venue}` : ''}. Voici vos entretiens :` },
            {
              list: interviews.map((i) => ({
                text: `${slotRange(forum, i.slot_no)} — ${i.company_name}, table ${i.table_no}`,
                detail: i.offer_title ? `Offre : ${i.offer_title}` : 'Rencontre avec l’entreprise',
                href: i.offer_slug ? `${publicUrl}/offres/${i.offer_slug}` : `${publicUrl}/entreprises/${i.company_slug}`,
              })),
            },
            // Printable, with the .ics file; signing in first comes back to it (requireUser's redirectTo).
            { link: `${publicUrl}/forums/${forum.slug}/programme`, label: 'Mon programme (à imprimer, ou à ajouter à mon agenda)' },
            { text: 'Pensez à votre CV et arrivez quelques minutes avant chaque entretien.' },
          ],
          preferencesUrl: `${publicUrl}/compte/notifications`,
          preferencesLabel: 'Ne plus recevoir les rappels de forum',
        }),
      )
      summary.reminders++
    } catch (error) {
      await db.deleteFrom('forum_reminders').where('forum_id', '=', due.forumId).where('candidate_id', '=', due.candidateId).execute()
      summary.failed++
      console.error(`Rappel de forum non envoyé (compte ${due.candidateId}) :`, (error as Error).message)
    }
  }
}

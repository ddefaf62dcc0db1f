import type { DB } from '#db/connection.ts'
import { applicationForMail, recruitersToNotifyNow } from '#db/queries/notifications.ts'
import type { ApplicationStage } from '#db/domain.ts'
import type { Mailer } from './mail.server.ts'
import { composeMail } from './notification-mail.server.ts'

/**
 * The mails an application sends, through the real SMTP path: the candidate's
 * confirmation and every stage change (in the candidate's words), and the
 * company's recruiters who want each application at once (the others get the
 * daily digest: db/notification-jobs.ts). Sent after the change is saved; a
 * mail that fails is logged, never undoes the change nor fails the page.
 */
type MailContext = { db: DB; mailer: Mailer; publicUrl: string }

const PREFERENCES = 'Choisir les e-mails que je reçois'

/** What the candidate reads for each stage (the recruiter's labels are theirs: "Refusée" says too much). */
const CANDIDATE_STAGE_SENTENCES: Record<ApplicationStage, string> = {
  new: 'Votre candidature est bien arrivée.',
  reviewed: 'L’entreprise a consulté votre candidature.',
  interview: 'L’entreprise souhaite vous rencontrer en entretien : elle va vous contacter pour fixer un rendez-vous.',
  offer: 'L’entreprise vous fait une proposition : elle va vous contacter.',
  hired: 'Félicitations : l’entreprise a retenu votre candidature.',
  rejected: 'L’entreprise n’a pas retenu votre candidature cette fois-ci. Ne vous découragez pas : d’autres offres vous attendent.',
}
const CANDIDATE_STAGE_SUBJECTS: Record<ApplicationStage, string> = {
  new: 'Candidature envoyée',
  reviewed: 'Candidature consultée',
  interview: 'Entretien proposé',
  offer: 'Proposition reçue',
  hired: 'Candidature retenue',
  rejected: 'Candidature non retenue',
}

async function sendQuietly(mailer: Mailer, mail: Parameters<Mailer['send']>[0], what: string) {
  try {
    await mailer.send(mail)
  } catch (error) {
    console.error(`Notification non envoyée (${what}) :`, (error as Error).message)
  }
}

export async function notifyNewApplication({ db, mailer, publicUrl }: MailContext, applicationId: number): Promise<void> {
  const a = await applicationForMail(db, applicationId)
  if (!a) return
  const who = [a.firstName, a.lastName].filter(Boolean).join(' ') || a.candidateName || 'Un·e candidat·e'
  if (a.candidateEmail && a.candidateUpdates !== 0) {
    await sendQuietly(
      mailer,
      composeMail({
        to: a.candidateEmail,
        subject: `Candidature envoyée : ${a.offerTitle}`,
        blocks: [
          { text: `Bonjour ${a.candidateName ?? ''},`.replace(' ,', ',') },
          { text: `Votre candidature à l’offre « ${a.offerTitle} » de ${a.companyName} est envoyée. L’entreprise voit votre profil et votre CV.` },
          { text: 'Nous vous écrirons à chaque étape : consultée, entretien, proposition, réponse.' },
          { link: `${publicUrl}/candidat/candidatures`, label: 'Suivre mes candidatures' },
        ],
        preferencesUrl: `${publicUrl}/compte/notifications`,
        preferencesLabel: PREFERENCES,
      }),
      `confirmation de la candidature ${a.id}`,
    )
  }
  for (const recruiter of await recruitersToNotifyNow(db, a.companyId)) {
    await sendQuietly(
      mailer,
      composeMail({
        to: recruiter.email,
        subject: `Nouvelle candidature : ${a.offerTitle}`,
        blocks: [
          { text: `Bonjour ${recruiter.name},` },
          { text: `${who} a postulé à l’offre « ${a.offerTitle} » (${a.companyName}).` },
          { link: `${publicUrl}/recruteur/candidatures/${a.id}`, label: 'Voir la candidature' },
        ],
        preferencesUrl: `${publicUrl}/compte/notifications`,
        preferencesLabel: 'Recevoir un récapitulatif quotidien, ou plus rien',
      }),
      `nouvelle candidature ${a.id} pour le compte ${recruiter.id}`,
    )
  }
}

export async function notifyStageChange({ db, mailer, publicUrl }: MailContext, applicationId: number): Promise<void> {
  const a = await applicationForMail(db, applicationId)
  // A candidate who deleted their account, or who asked for no mail, gets none.
  if (!a?.candidateEmail || a.candidateUpdates === 0) return
  await sendQuietly(
    mailer,
    composeMail({
      to: a.candidateEmail,
      subject: `${CANDIDATE_STAGE_SUBJECTS[a.stage]} : ${a.offerTitle}`,
      blocks: [
        { text: `Bonjour ${a.candidateName ?? ''},`.replace(' ,', ',') },
        { text: `Du nouveau sur votre candidature à l’offre « ${a.offerTitle} » de ${a.companyName}.` },
        { text: CANDIDATE_STAGE_SENTENCES[a.stage] },
        { link: `${publicUrl}/candidat/candidatures`, label: 'Suivre mes candidatures' },
      ],
      preferencesUrl: `${publicUrl}/compte/notifications`,
      preferencesLabel: PREFERENCES,
    }),
    `étape de la candidature ${a.id}`,
  )
}

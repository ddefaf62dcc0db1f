import type { DB } from '#db/connection.ts'
import { companyRecipientsOfOffer } from '#db/queries/moderation.ts'
import type { Mailer } from './mail.server.ts'

/** Tells everyone who manages the offer's company; a mail failure never undoes the decision. */
export async function notifyCompanyOfOffer(db: DB, mailer: Mailer, offerId: number, subject: string, body: string) {
  for (const r of await companyRecipientsOfOffer(db, offerId)) {
    await mailer
      .send({ to: r.email, subject, text: `Bonjour ${r.display_name},\n\n${body}\n\nL’équipe Passerelle` })
      .catch((error: unknown) => console.error('Envoi du courriel de modération impossible', error))
  }
}

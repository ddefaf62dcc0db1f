import type { ContactRequestNotice } from '#db/queries/contact-requests.ts'
import type { Mailer } from './mail.server.ts'

/**
 * Tells a candidate that a company asked to contact them. Only the company's
 * name and the title of a published offer (public on the board already): the
 * recruiter's message, which may hold anything, waits on the board behind the
 * candidate's login. Sent after the request is saved; a
 * mail that fails is logged and the request stays, visible at /candidat/contacts.
 */
export async function notifyContactRequest(mailer: Mailer, publicUrl: string, notice: ContactRequestNotice) {
  const text =
    `Bonjour ${notice.firstName},\n\n${notice.companyName} a vu votre profil sur Passerelle et souhaite vous contacter ` +
    `au sujet de l’offre « ${notice.offerTitle} ».\n\nVos coordonnées ne lui sont transmises que si vous acceptez. ` +
    `Pour lire son message et répondre :\n${publicUrl}/candidat/contacts\n\n` +
    `Vous recevez ce message parce que votre profil est visible des recruteurs vérifiés ; vous pouvez le rendre privé ` +
    `depuis votre profil.\n\nL’équipe Passerelle`
  await mailer
    .send({ to: notice.email, subject: `${notice.companyName} souhaite vous contacter`, text })
    // The error's code only: nodemailer's message may quote the candidate's address.
    .catch((error: unknown) => console.error('Envoi du courriel de demande de contact impossible', (error as { code?: string }).code ?? 'erreur inconnue'))
}

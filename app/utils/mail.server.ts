import nodemailer from 'nodemailer'

export type Mail = { to: string; subject: string; text: string }
export interface Mailer {
  send(mail: Mail): Promise<void>
}

/**
 * SMTP when SMTP_URL is set; otherwise the mail is printed to the console,
 * which is what development wants.
 */
export function createMailer({ smtpUrl, from }: { smtpUrl: string | undefined; from: string }): Mailer {
  if (!smtpUrl) {
    return {
      async send(mail) {
        console.log(`\n📧 À : ${mail.to}\n   Objet : ${mail.subject}\n\n${mail.text}\n`)
      },
    }
  }
  const transport = nodemailer.createTransport(smtpUrl)
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail })
    },
  }
}

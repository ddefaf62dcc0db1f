import nodemailer from 'nodemailer'

export type Mail = {
  to: string
  subject: string
  text: string
  /** An HTML alternative to the text (alert and notification mails). */
  html?: string
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>
}
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
  // Mail is sent while a visitor waits for the page (after the change is saved): an SMTP server that
  // stops answering must cost seconds, not nodemailer's default minutes.
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail })
    },
  }
}

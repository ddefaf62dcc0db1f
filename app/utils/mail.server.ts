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
  /** Closes a pooled transport's connections (a process that ends calls it). */
  close?(): void
}

/**
 * SMTP when SMTP_URL is set; otherwise the mail is printed to the console,
 * which is what development wants.
 *
 * `pool: true` is for the jobs that mail many people in a row (alerts,
 * digests, reminders): a few SMTP connections are kept open and reused,
 * instead of one connection per mail (~110 ms each, decision 010). A mail
 * still resolves only once the SMTP server has accepted it, so the jobs'
 * record-then-send order is unchanged; nodemailer's own re-sending after a
 * connection drop is turned off (`maxRequeues: 0`): the job's retry, after
 * undoing its claim, is the only one, and never re-sends a mail by itself.
 */
export function createMailer({ smtpUrl, from, pool = false }: { smtpUrl: string | undefined; from: string; pool?: boolean }): Mailer {
  if (!smtpUrl) {
    return {
      async send(mail) {
        console.log(`\n📧 À : ${mail.to}\n   Objet : ${mail.subject}\n\n${mail.text}\n`)
      },
    }
  }
  // Mail is sent while a visitor waits for the page (after the change is saved): an SMTP server that
  // stops answering must cost seconds, not nodemailer's default minutes.
  const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }
  const transport = pool
    ? // Idle connections close after a minute: the jobs run in bursts every 10 minutes.
      nodemailer.createTransport({ url: smtpUrl, ...timeouts, pool: true, maxConnections: 3, maxMessages: 500, maxRequeues: 0, idleTimeout: 60_000 })
    : nodemailer.createTransport({ url: smtpUrl, ...timeouts })
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail })
    },
    close() {
      transport.close()
    },
  }
}

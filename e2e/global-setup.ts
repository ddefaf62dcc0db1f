import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'
import { E2E_SMTP_PORT } from '../playwright.config.ts'
import { MAIL_DIR } from './mailbox.ts'

/**
 * One real SMTP server for the whole run: the board sends through nodemailer
 * as in production, and every message lands as a file that any test worker
 * can read (e2e/mailbox.ts). Tests use unique addresses, so they never read
 * each other's mail.
 */
export default async function globalSetup() {
  rmSync(MAIL_DIR, { recursive: true, force: true })
  mkdirSync(MAIL_DIR, { recursive: true })
  let count = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const message = { to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') }
        writeFileSync(path.join(MAIL_DIR, `${Date.now()}-${count++}.json`), JSON.stringify(message))
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(E2E_SMTP_PORT, '127.0.0.1', resolve))
  return () => new Promise<void>((resolve) => server.close(() => resolve()))
}

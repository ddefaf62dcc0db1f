import { SMTPServer } from 'smtp-server'
import { E2E_SMTP_PORT } from '../playwright.config.ts'

/**
 * A real SMTP server on localhost: the board sends through nodemailer as in
 * production, and the test reads what arrived.
 */
export async function openMailbox() {
  const messages: { to: string[]; raw: string }[] = []
  const waiting: ((message: { to: string[]; raw: string }) => void)[] = []
  const create = () => new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const message = { to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') }
        messages.push(message)
        waiting.splice(0).forEach((resolve) => resolve(message))
        callback()
      })
    },
  })
  // Spec files that read mail may run in parallel workers: wait for the port rather than fail.
  let server: SMTPServer
  for (let attempt = 0; ; attempt++) {
    server = create()
    const candidate = server
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      candidate.once('error', resolve)
      candidate.listen(E2E_SMTP_PORT, '127.0.0.1', () => resolve(null))
    })
    if (!error) break
    if (error.code !== 'EADDRINUSE' || attempt >= 120) throw error
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return {
    /** The next message sent to `address` (or one already received). */
    async messageFor(address: string, timeoutMs = 10_000) {
      const found = messages.find((m) => m.to.includes(address))
      if (found) return decodeQuotedPrintable(found.raw)
      const message = await new Promise<{ to: string[]; raw: string }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Aucun courriel reçu pour ${address}`)), timeoutMs)
        waiting.push((m) => {
          if (m.to.includes(address)) {
            clearTimeout(timer)
            resolve(m)
          }
        })
      })
      return decodeQuotedPrintable(message.raw)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

// Enough of RFC 2045 for the ASCII links the tests follow.
function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

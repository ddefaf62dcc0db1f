import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { E2E_DATABASE_PATH } from '../playwright.config.ts'

/** Where e2e/global-setup.ts's SMTP server files each message it receives. */
export const MAIL_DIR = path.join(path.dirname(E2E_DATABASE_PATH), 'mail')

type Message = { to: string[]; raw: string }

function received(): Message[] {
  return readdirSync(MAIL_DIR)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((file) => JSON.parse(readFileSync(path.join(MAIL_DIR, file), 'utf8')) as Message)
}

/** The text of the newest message sent to `address`, waiting for it to arrive. */
export async function messageFor(address: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = received().filter((m) => m.to.includes(address)).at(-1)
    if (found) return decodeMessage(found.raw)
    if (Date.now() > deadline) throw new Error(`Aucun courriel reçu pour ${address}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Every message sent to `address` so far. */
export function messagesFor(address: string): string[] {
  return received().filter((m) => m.to.includes(address)).map((m) => decodeMessage(m.raw))
}

/** Kept for the tests written against the per-test mailbox: the server now lives for the whole run. */
export async function openMailbox() {
  return { messageFor, close: async () => {} }
}

/**
 * The header block as sent, but for its RFC 2047 words (a subject); the body decoded. Decoding the headers as
 * quoted-printable turned a List-Unsubscribe token that happened to hold "=7C" into "|".
 */
function decodeMessage(raw: string): string {
  const end = raw.search(/\r?\n\r?\n/)
  if (end < 0) return decodeQuotedPrintable(raw)
  const head = raw.slice(0, end).replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_, text: string) => decodeQuotedPrintable(text.replace(/_/g, ' ')))
  return head + decodeQuotedPrintable(raw.slice(end))
}

// Enough of RFC 2045 for the links and French text the tests read.
function decodeQuotedPrintable(raw: string): string {
  const bytes = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  // Quoted-printable escapes UTF-8 bytes one by one: put them back together (when the text is 8-bit already, leave it).
  return /[^\u0000-\u00ff]/.test(bytes) ? bytes : Buffer.from(bytes, 'latin1').toString('utf8')
}

import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { createMailer } from '#app/utils/mail.server.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { MAX_OFFERS_PER_MAIL, retryDelayMs, sendDueAlerts } from './alert-job.ts'
import { confirmAlert, createPendingAlert } from './queries/alerts.ts'
import { createTestCompany, createTestOffer } from './seed/factories.ts'
import { createTestDatabase } from './test-database.ts'

const DAY = 86_400_000
const T0 = new Date('2027-05-03T07:00:00Z')
const at = (days: number) => new Date(T0.getTime() + days * DAY)

describe('alert mails through a real SMTP server', () => {
  let test: Awaited<ReturnType<typeof createTestDatabase>>
  let engine: EmbeddedSearchEngine
  let server: SMTPServer
  let port = 0
  const received: { to: string; raw: string }[] = []
  let refuse = false

  beforeAll(async () => {
    test = await createTestDatabase()
    engine = new EmbeddedSearchEngine(test.sqlite)
    server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], disableReverseLookup: true, logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => {
          if (refuse) return callback(Object.assign(new Error('Boîte pleine'), { responseCode: 452 }))
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw: Buffer.concat(chunks).toString('utf8') })
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.server.address() as AddressInfo).port
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await test.destroy()
  })

  it('sends nothing before confirmation, then one multipart mail with the RFC 8058 headers, capped, and retries an SMTP refusal later', async () => {
    // The job's own transport: pooled, as in the server's primary and `npm run maintenance`.
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Passerelle <alertes@passerelle.local>', pool: true })
    onTestFinished(() => mailer.close?.())
    const run = (now: Date) => sendDueAlerts({ db: test.db, search: engine, mailer, publicUrl: 'https://passerelle.exemple.fr', now })
    const company = await createTestCompany(test.db, { verified_at: T0.toISOString() })
    const { token } = await createPendingAlert(test.db, { email: 'ines@exemple.fr', search: 'contrat=alternance', label: 'Alternance', frequency: 'daily' }, T0)
    await createTestOffer(test.db, { companyId: company.id, title: 'Alternant·e développeur', contract_type: 'alternance', published_at: at(0.5).toISOString() })
    expect((await run(at(2))).due).toBe(0)
    expect(received).toHaveLength(0)

    await confirmAlert(test.db, token, at(2))
    for (let i = 0; i < MAX_OFFERS_PER_MAIL + 2; i++) {
      await createTestOffer(test.db, { companyId: company.id, title: `Alternance numéro ${i}`, contract_type: 'alternance', published_at: at(2.1 + i / 100).toISOString() })
    }
    await createTestOffer(test.db, { companyId: company.id, title: 'CDI sans rapport', contract_type: 'cdi', published_at: at(2.2).toISOString() })

    // The SMTP server refuses: nothing is recorded as sent, the alert is retried after the first delay.
    refuse = true
    const refused = await run(at(3.1))
    expect(refused).toMatchObject({ due: 1, mailed: 0, failed: 1 })
    expect(await test.db.selectFrom('alert_sent_offers').select('offer_id').execute()).toEqual([])
    const { next_run_at } = await test.db.selectFrom('alerts').select('next_run_at').executeTakeFirstOrThrow()
    expect(Date.parse(next_run_at) - at(3.1).getTime()).toBe(retryDelayMs(1))
    refuse = false
    expect((await run(at(3.1))).due).toBe(0)

    const sent = await run(new Date(Date.parse(next_run_at)))
    expect(sent).toMatchObject({ due: 1, mailed: 1, offers: MAX_OFFERS_PER_MAIL + 2 })
    expect(received).toHaveLength(1)
    const raw = received[0]!.raw
    expect(raw).toMatch(/^List-Unsubscribe:\s+<https:\/\/passerelle\.exemple\.fr\/alertes\/desabonnement\?jeton=[\w-]{43}>/m)
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m)
    expect(raw).toMatch(/Content-Type: multipart\/alternative/)
    expect(raw).toMatch(/Content-Type: text\/plain/)
    expect(raw).toMatch(/Content-Type: text\/html/)
    // Quoted-printable, decoded (RFC 2045): soft line breaks, then =XX bytes as UTF-8.
    const text = Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
    // The newest ten, then the count of the others and the whole search.
    expect(text).toContain('Alternance numéro 11')
    expect(text).not.toContain('Alternance numéro 0 —')
    expect(text).not.toContain('Alternance numéro 1 —')
    expect(text).toContain('Et 2 autres offres')
    expect(text).toContain('https://passerelle.exemple.fr/offres?contrat=alternance')
    expect(text).not.toContain('CDI sans rapport')
    expect(text).not.toContain('Alternant·e développeur')

    // Nothing new the next day: no mail.
    expect(await run(at(5))).toMatchObject({ due: 1, mailed: 0, empty: 1 })
    expect(received).toHaveLength(1)
  })

  it('mails only offers holding every word of the alert: a search sorted by date is never relaxed', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Passerelle <alertes@passerelle.local>', pool: true })
    onTestFinished(() => mailer.close?.())
    const company = await createTestCompany(test.db, { verified_at: T0.toISOString() })
    const { token } = await createPendingAlert(test.db, { email: 'noe@exemple.fr', search: 'q=kotlin+zephyrin', label: '« kotlin zephyrin »', frequency: 'daily' }, T0)
    await confirmAlert(test.db, token, T0)
    await createTestOffer(test.db, { companyId: company.id, title: 'Développeur Kotlin Zephyrin', published_at: at(0.5).toISOString() })
    for (let i = 0; i < 12; i++) await createTestOffer(test.db, { companyId: company.id, title: `Développeur Kotlin ${i}`, published_at: at(0.5).toISOString() })
    const before = received.length
    await sendDueAlerts({ db: test.db, search: engine, mailer, publicUrl: 'https://passerelle.exemple.fr', now: at(1.1) })
    const mails = received.slice(before).filter((m) => m.to === 'noe@exemple.fr')
    expect(mails).toHaveLength(1)
    expect(mails[0]!.raw).toContain('Zephyrin')
    expect(mails[0]!.raw).not.toMatch(/Kotlin \d/)
  })
})

import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMailer } from './mail.server.ts'

describe('the mailer against a real SMTP server', () => {
  let server: SMTPServer
  let smtpUrl = ''
  let connections = 0
  const received: string[] = []
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], disableReverseLookup: true, logger: false,
      onConnect(_session, callback) {
        connections++
        callback()
      },
      onData(stream, session, callback) {
        stream.on('data', () => {})
        stream.on('end', () => {
          received.push(session.envelope.rcptTo.map((r) => r.address).join(','))
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const mail = (i: number) => ({ to: `personne-${i}@exemple.fr`, subject: `Essai ${i}`, text: 'Bonjour' })

  it('a pooled mailer (the jobs’) reuses its connections; the single-mail path opens one per mail', async () => {
    const pooled = createMailer({ smtpUrl, from: 'Passerelle <test@passerelle.local>', pool: true })
    connections = 0
    for (let i = 0; i < 12; i++) await pooled.send(mail(i))
    pooled.close?.()
    expect(received.slice(-12)).toEqual(Array.from({ length: 12 }, (_, i) => `personne-${i}@exemple.fr`))
    expect(connections).toBe(1)

    const single = createMailer({ smtpUrl, from: 'Passerelle <test@passerelle.local>' })
    connections = 0
    for (let i = 0; i < 3; i++) await single.send(mail(i))
    expect(connections).toBe(3)
  })

  it('a pooled mailer reports a server that is gone as a failure (the job then undoes its claim)', async () => {
    const pooled = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'Passerelle <test@passerelle.local>', pool: true })
    await expect(pooled.send(mail(0))).rejects.toThrow()
    pooled.close?.()
  })
})

import { mkdtempSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMailer, type Mailer } from '#app/utils/mail.server.ts'
import { createFileStore } from './files.ts'
import { runMaintenance } from './maintenance.ts'
import { createPasswordReset, createSession, recordActivity } from './queries/accounts.ts'
import { createCandidateWithEverything, findTracesOf } from './seed/candidate-with-everything.ts'
import { createTestCandidate, createTestCompany, createTestOffer } from './seed/factories.ts'
import { createTestDatabase } from './test-database.ts'

const DAY = 86_400_000
const T0 = new Date('2027-01-01T09:00:00Z')
const at = (days: number) => new Date(T0.getTime() + days * DAY)
const PUBLIC_URL = 'https://passerelle.exemple.fr'

/** A real SMTP server on a free port; the board's own mailer sends to it through nodemailer. */
async function openSmtp() {
  const received: { to: string; subject: string; text: string }[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), ...decodeMail(Buffer.concat(chunks).toString('latin1')) })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    received,
    mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Passerelle <ne-pas-repondre@passerelle.local>' }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

// Enough MIME for nodemailer's single-part text mails: encoded-word subject, quoted-printable or base64 body.
function decodeMail(raw: string) {
  const [head = '', ...rest] = raw.split('\r\n\r\n')
  const headers = head.replace(/\r\n[ \t]+/g, ' ')
  const utf8 = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8')
  const subject = (/^Subject: (.*)$/m.exec(headers)?.[1] ?? '').replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8')
    : utf8(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))))
  const body = rest.join('\r\n\r\n')
  const text = /Content-Transfer-Encoding: base64/i.test(headers) ? Buffer.from(body, 'base64').toString('utf8')
    : /Content-Transfer-Encoding: quoted-printable/i.test(headers)
      ? utf8(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))))
      : utf8(body)
  return { subject, text: text.replace(/\r\n/g, '\n') }
}

describe('maintenance, with an injected clock and a real SMTP server', () => {
  let test: Awaited<ReturnType<typeof createTestDatabase>>
  let smtp: Awaited<ReturnType<typeof openSmtp>>
  const files = createFileStore(mkdtempSync(path.join(tmpdir(), 'passerelle-files-')))
  const ids: Record<string, number> = {}
  let cvOfInactive = ''
  let applicationOfInactive = 0
  const run = (now: Date) => runMaintenance({ db: test.db, files, mailer: smtp.mailer, publicUrl: PUBLIC_URL, now })
  const user = (id: number) =>
    test.db.selectFrom('users').select(['id', 'last_active_at', 'inactivity_warned_at']).where('id', '=', id).executeTakeFirst()
  const setLastActive = (id: number, date: Date) =>
    test.db.updateTable('users').set({ last_active_at: date.toISOString() }).where('id', '=', id).execute()
  const mailsTo = (email: string) => smtp.received.filter((m) => m.to === `${email}`)

  beforeAll(async () => {
    test = await createTestDatabase()
    smtp = await openSmtp()
    const inactive = await createCandidateWithEverything(test.db, files, {
      email: 'lea.inactive@exemple.fr', firstName: 'Léa', lastName: 'Dormeuse', now: at(-700),
    })
    ids.inactive = inactive.id
    cvOfInactive = inactive.cvFile
    applicationOfInactive = inactive.applicationId
    ids.threeYears = (await createTestCandidate(test.db, { email: 'trois.ans@exemple.fr' })).id
    ids.returning = (await createTestCandidate(test.db, { email: 'revenue@exemple.fr' })).id
    ids.active = (await createTestCandidate(test.db, { email: 'active@exemple.fr' })).id
    for (const role of ['recruiter', 'admin', 'organiser'] as const) {
      ids[role] = (await test.db
        .insertInto('users')
        .values({ email: `${role}@exemple.fr`, password_hash: 'x', display_name: role, role, created_at: at(-2000).toISOString(),
          last_active_at: at(-2000).toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow()).id
    }
    await setLastActive(ids.inactive, at(-700))
    await setLastActive(ids.threeYears, at(-3 * 365))
    await setLastActive(ids.returning, at(-700))
    await setLastActive(ids.active, at(-10))
  })
  afterAll(async () => {
    await smtp.close()
    await test.destroy()
  })

  it('warns each candidate nearing two years of inactivity exactly once, and deletes nobody yet', async () => {
    const summary = await run(T0)
    expect(summary).toMatchObject({ warned: 3, warningsFailed: 0, deleted: 0 })
    await run(at(1))
    expect(smtp.received.map((m) => m.to).sort()).toEqual(['lea.inactive@exemple.fr', 'revenue@exemple.fr', 'trois.ans@exemple.fr'])

    const [mail] = mailsTo('lea.inactive@exemple.fr')
    // 700 days inactive: deleted when two years are reached, 30 days from now.
    expect(mail!.subject).toBe('Votre compte Passerelle sera supprimé le 31 janvier 2027')
    expect(mail!.text).toContain('Bonjour Léa Dormeuse,')
    expect(mail!.text).toContain(`${PUBLIC_URL}/connexion`)
    // Three years inactive yet never warned: still 30 days of notice.
    expect(mailsTo('trois.ans@exemple.fr')[0]!.subject).toBe('Votre compte Passerelle sera supprimé le 31 janvier 2027')

    expect(await user(ids.inactive!)).toMatchObject({ inactivity_warned_at: T0.toISOString() })
    expect(await user(ids.threeYears!)).toMatchObject({ inactivity_warned_at: T0.toISOString() })
    for (const key of ['active', 'recruiter', 'admin', 'organiser']) expect(await user(ids[key]!)).toMatchObject({ inactivity_warned_at: null })
  })

  it('a candidate who signs in after the warning is kept, and the warning withdrawn', async () => {
    await recordActivity(test.db, ids.returning!, at(5))
    expect(await user(ids.returning!)).toEqual({ id: ids.returning, last_active_at: at(5).toISOString(), inactivity_warned_at: null })
  })

  it('deletes no one before the 30 days of notice are over', async () => {
    expect((await run(at(29))).deleted).toBe(0)
    expect(await user(ids.inactive!)).toBeDefined()
    expect(await user(ids.threeYears!)).toBeDefined()
  })

  it('30 days after the warning, deletes the still-inactive candidates with their CV, profile and sessions, and only them', async () => {
    const summary = await run(at(30))
    expect(summary.deleted).toBe(2)
    expect(summary.warned).toBe(0)
    expect(await user(ids.inactive!)).toBeUndefined()
    expect(await user(ids.threeYears!)).toBeUndefined()
    expect(await files.read(cvOfInactive)).toBeNull()
    expect(findTracesOf(test.sqlite, ids.inactive!, ['lea.inactive@exemple.fr', 'Dormeuse'])).toEqual([])
    expect(await test.db.selectFrom('applications').select(['candidate_id', 'message']).where('id', '=', applicationOfInactive).executeTakeFirst())
      .toEqual({ candidate_id: null, message: '' })

    for (const key of ['returning', 'active', 'recruiter', 'admin', 'organiser']) expect(await user(ids[key]!), key).toBeDefined()
    // Recruiters and admins are never purged, however long they stay away.
    await run(at(400))
    for (const key of ['recruiter', 'admin', 'organiser']) expect(await user(ids[key]!), key).toBeDefined()
    expect(smtp.received.filter((m) => /recruiter|admin|organiser/.test(m.to))).toEqual([])
  })
})

describe('maintenance without a working mailer', () => {
  it('does not count an unsent warning, so the account is never deleted untold', async () => {
    const test = await createTestDatabase()
    const files = createFileStore(mkdtempSync(path.join(tmpdir(), 'passerelle-files-')))
    const broken: Mailer = { send: () => Promise.reject(new Error('SMTP indisponible')) }
    const { id } = await createTestCandidate(test.db)
    await test.db.updateTable('users').set({ last_active_at: at(-900).toISOString() }).where('id', '=', id).execute()
    const run = (now: Date) => runMaintenance({ db: test.db, files, mailer: broken, publicUrl: PUBLIC_URL, now })
    expect(await run(T0)).toMatchObject({ warned: 0, warningsFailed: 1, deleted: 0 })
    expect(await run(at(60))).toMatchObject({ warned: 0, warningsFailed: 1, deleted: 0 })
    expect(await test.db.selectFrom('users').select('inactivity_warned_at').where('id', '=', id).executeTakeFirst())
      .toEqual({ inactivity_warned_at: null })
    await test.destroy()
  })
})

describe('offer expiry and pruning', () => {
  it('gives offers past their expiry date the expired status, takes them out of the index, and prunes stale rows', async () => {
    const test = await createTestDatabase()
    const files = createFileStore(mkdtempSync(path.join(tmpdir(), 'passerelle-files-')))
    const mailer: Mailer = { send: () => Promise.reject(new Error('aucun courriel attendu')) }
    const company = await createTestCompany(test.db, { name: 'Opale Phares' })
    const stale = await createTestOffer(test.db, { companyId: company.id, title: 'Gardien de phare numérique',
      published_at: at(-70).toISOString(), expires_at: at(-1).toISOString() })
    const live = await createTestOffer(test.db, { companyId: company.id, title: 'Veilleur de nuit réseau',
      published_at: at(-10).toISOString(), expires_at: at(50).toISOString() })
    const draft = await createTestOffer(test.db, { companyId: company.id, title: 'Brouillon', status: 'draft' })
    const closed = await createTestOffer(test.db, { companyId: company.id, title: 'Pourvue', status: 'closed',
      published_at: at(-90).toISOString(), expires_at: at(-30).toISOString() })
    const indexed = async () =>
      (await sql<{ rowid: number }>`select rowid from offers_fts order by rowid`.execute(test.db)).rows.map((r) => r.rowid)
    expect(await indexed()).toEqual([stale.id, live.id])

    // Stale rows of every kind, next to fresh ones that must stay.
    const { id: userId } = await createTestCandidate(test.db)
    // Read after the candidate (whose profile writes its own outbox row) so only maintenance's rows follow.
    const outboxBefore = await test.db.selectFrom('search_outbox').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()
    await createSession(test.db, userId, at(-31))
    await createSession(test.db, userId, at(-1))
    // Used (still within its hour), expired, and live.
    await createPasswordReset(test.db, userId, at(-0.01))
    await test.db.updateTable('password_resets').set({ used_at: at(-0.005).toISOString() }).execute()
    await createPasswordReset(test.db, userId, at(-1))
    await createPasswordReset(test.db, userId, T0)
    await test.db.insertInto('rate_limit_events').values([{ key: 'login:x', at: at(-2).toISOString() }, { key: 'login:x', at: at(-0.01).toISOString() }]).execute()
    const invitation = (token: string, expires: Date, accepted: boolean) => ({
      company_id: company.id, email: `${token}@exemple.fr`, token_hash: token, created_at: at(-8).toISOString(),
      expires_at: expires.toISOString(), accepted_at: accepted ? at(-7).toISOString() : null,
    })
    await test.db.insertInto('company_invitations').values([
      invitation('expiree', at(-1), false), invitation('acceptee', at(-1), true), invitation('ouverte', at(3), false),
    ]).execute()

    const summary = await runMaintenance({ db: test.db, files, mailer, publicUrl: PUBLIC_URL, now: T0 })
    // Search events: the five written before today's, all older than a week at T0; the newest always stays.
    expect(summary).toEqual({ expiredOffers: 1, warned: 0, warningsFailed: 0, deleted: 0, prunedSessions: 1, prunedResets: 2,
      prunedRateLimits: 1, prunedInvitations: 1, prunedPendingAlerts: 0, prunedSearchEvents: 5,
      // No engine given: no alert pass (db/alert-job.test.ts); no digest nor forum due.
      alerts: null, notifications: { digests: 0, reminders: 0, failed: 0 } })

    const status = async (id: number) => (await test.db.selectFrom('offers').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
    expect([await status(stale.id), await status(live.id), await status(draft.id), await status(closed.id)])
      .toEqual(['expired', 'published', 'draft', 'closed'])
    expect(await indexed()).toEqual([live.id])
    // The running search engines hear of it through the outbox.
    expect(await test.db.selectFrom('search_outbox').select(['doc_type', 'doc_id']).where('id', '>', Number(outboxBefore.id)).execute())
      .toEqual([{ doc_type: 'offer', doc_id: stale.id }])
    expect(await test.db.selectFrom('sessions').select('expires_at').execute()).toHaveLength(1)
    expect(await test.db.selectFrom('password_resets').select('created_at').execute()).toEqual([{ created_at: T0.toISOString() }])
    expect(await test.db.selectFrom('company_invitations').select('token_hash').orderBy('token_hash').execute())
      .toEqual([{ token_hash: 'acceptee' }, { token_hash: 'ouverte' }])

    // A second run finds nothing left to do.
    const { alerts, notifications, ...counts } = await runMaintenance({ db: test.db, files, mailer, publicUrl: PUBLIC_URL, now: T0 })
    expect(Object.values(counts).every((n) => n === 0)).toBe(true)
    expect([alerts, notifications]).toEqual([null, { digests: 0, reminders: 0, failed: 0 }])
    await test.destroy()
  })
})

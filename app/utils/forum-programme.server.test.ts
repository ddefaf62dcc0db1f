import ICAL from 'ical.js'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addTestForumCandidate, addTestForumCompany, createTestForum } from '#db/seed/forum-factories.ts'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { findCandidateProgramme, findOrganiserProgrammeForum, type ProgrammeForum } from '#db/queries/forum-programme.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { parisTimeToUtc, programmeCalendar } from './forum-programme.server.ts'
import { programmeRecipients, sendProgrammes } from './forum-programme-mails.server.ts'
import type { Mail } from './mail.server.ts'

const FORUM: ProgrammeForum = {
  id: 7, slug: 'forum-calais-2027', name: 'Forum de l’emploi numérique; Calais, édition 2027', date: '2027-03-28', venue: 'Halle, quai de la Batellerie',
  opens_at: '01:00', closes_at: '04:00', slot_minutes: 30, commune_name: 'Calais', status: 'open',
}

it('reads Paris wall-clock times as UTC instants, across the changes of hour', () => {
  expect(parisTimeToUtc('2027-01-15', '09:00').toISOString()).toBe('2027-01-15T08:00:00.000Z')
  expect(parisTimeToUtc('2027-07-15', '09:00').toISOString()).toBe('2027-07-15T07:00:00.000Z')
  // 28 March 2027: 02:00 → 03:00. Before and after the jump.
  expect(parisTimeToUtc('2027-03-28', '01:30').toISOString()).toBe('2027-03-28T00:30:00.000Z')
  expect(parisTimeToUtc('2027-03-28', '03:30').toISOString()).toBe('2027-03-28T01:30:00.000Z')
  expect(parisTimeToUtc('2027-10-31', '12:00').toISOString()).toBe('2027-10-31T11:00:00.000Z')
})

it('writes an RFC 5545 calendar: CRLF, lines of at most 75 octets, escaped text, one event per interview, parsed back by ical.js', () => {
  const interviews = [
    { slot_no: 0, table_no: 2, company_name: 'Baie; Logicielle, et Cie', company_slug: 'baie', offer_title: 'Développeur·se full-stack TypeScript / React / Node.js — alternance de deux ans', offer_slug: 'dev' },
    { slot_no: 4, table_no: 1, company_name: 'Opale Data', company_slug: 'opale', offer_title: null, offer_slug: null },
  ]
  const ics = programmeCalendar(FORUM, interviews, 'https://emploi.example/', 'candidat-3')
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
  expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
  for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
  expect(ics).toContain('\\;') // the company's ';' escaped
  const calendar = new ICAL.Component(ICAL.parse(ics))
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
  expect(events.map((e) => e.summary)).toEqual(['Entretien : Baie; Logicielle, et Cie (table 2)', 'Entretien : Opale Data (table 1)'])
  // 01:00 Paris (UTC+1) then slot 4 = 03:00 Paris, after the jump (UTC+2).
  expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2027-03-28T00:00:00.000Z', '2027-03-28T01:00:00.000Z'])
  expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2027-03-28T00:30:00.000Z')
  expect(events[0]!.location).toBe('Halle, quai de la Batellerie, Calais')
  expect(events[0]!.description).toContain('Offre : Développeur·se full-stack TypeScript / React / Node.js — alternance de deux ans')
  expect(new Set(events.map((e) => e.uid)).size).toBe(2)
  // No interview yet: still a calendar.
  expect(new ICAL.Component(ICAL.parse(programmeCalendar(FORUM, [], 'https://emploi.example', 'x'))).name).toBe('vcalendar')
})

let test: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  test = await createTestDatabase()
})
afterAll(async () => {
  await test.destroy()
})

it('programme mails: one per participant; sending again mails only the programmes that changed (recording mailer, not SMTP: e2e/programme.spec.ts sends through SMTP)', async () => {
  const organiser = await test.db.insertInto('users').values({ email: 'orga@exemple.fr', password_hash: 'x', display_name: 'Orga', role: 'organiser',
    created_at: new Date().toISOString(), last_active_at: new Date().toISOString() }).returning(['id', 'role']).executeTakeFirstOrThrow()
  const company = await createTestCompany(test.db, { name: 'Opale Data' })
  const offer = await createTestOffer(test.db, { companyId: company.id, title: 'Analyste données' })
  const recruiter = await test.db.insertInto('users').values({ email: 'rh@opale.fr', password_hash: 'x', display_name: 'Rémi', role: 'recruiter',
    created_at: new Date().toISOString(), last_active_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow()
  await test.db.insertInto('company_members').values({ company_id: company.id, user_id: recruiter.id, role: 'owner', created_at: new Date().toISOString() }).execute()
  const forum = await createTestForum(test.db, { organiserId: organiser.id })
  await addTestForumCompany(test.db, forum.id, company.id, 'accepted', [offer.id])
  const zoe = await createTestCandidate(test.db, { firstName: 'Zoé', email: 'zoe@exemple.fr' })
  const noConsent = await createTestCandidate(test.db, { firstName: 'Sans', email: 'sans@exemple.fr' })
  await addTestForumCandidate(test.db, forum.id, zoe.id)
  await addTestForumCandidate(test.db, forum.id, noConsent.id, false)
  await test.db.insertInto('forum_interviews').values([
    { forum_id: forum.id, company_id: company.id, candidate_id: zoe.id, offer_id: offer.id, table_no: 1, slot_no: 2 },
    { forum_id: forum.id, company_id: company.id, candidate_id: noConsent.id, offer_id: offer.id, table_no: 1, slot_no: 3 },
  ]).execute()

  const mine = await findCandidateProgramme(test.db, zoe.id, forum.slug)
  expect(mine?.registered).toBe(true)
  expect(mine?.interviews).toEqual([expect.objectContaining({ slot_no: 2, table_no: 1, company_name: 'Opale Data', offer_title: 'Analyste données' })])
  expect((await findCandidateProgramme(test.db, noConsent.id, forum.slug))?.registered).toBe(false)

  const sent: Mail[] = []
  const mailer = { async send(mail: Mail) { sent.push(mail) } }
  const pf = (await findOrganiserProgrammeForum(test.db, organiser, forum.slug))!
  const first = await programmeRecipients(test.db, organiser, pf, 'https://emploi.example')
  expect(first.map((r) => r.email).sort()).toEqual(['rh@opale.fr', 'zoe@exemple.fr'])
  expect(await sendProgrammes(test.db, mailer, first, forum.id, new Date())).toEqual({ sent: 2, failed: false })
  expect(sent.find((m) => m.to === 'zoe@exemple.fr')?.text).toContain('09:40–10:00 · table 1 · Opale Data · Analyste données')
  expect(sent.find((m) => m.to === 'rh@opale.fr')?.text).toContain('Zoé')
  expect(sent.find((m) => m.to === 'rh@opale.fr')?.text).not.toContain('Sans')

  // Nothing changed: nothing sent. Zoé's interview moves: she and the company get a new programme.
  expect(await sendProgrammes(test.db, mailer, await programmeRecipients(test.db, organiser, pf, 'https://emploi.example'), forum.id, new Date()))
    .toEqual({ sent: 0, failed: false })
  await test.db.updateTable('forum_interviews').set({ slot_no: 5 }).where('candidate_id', '=', zoe.id).execute()
  const failing = { async send(mail: Mail) { if (mail.to === 'rh@opale.fr') throw new Error('SMTP indisponible'); sent.push(mail) } }
  const again = await programmeRecipients(test.db, organiser, pf, 'https://emploi.example')
  expect(await sendProgrammes(test.db, failing, again, forum.id, new Date())).toMatchObject({ failed: true })
  const resumed = await sendProgrammes(test.db, mailer, await programmeRecipients(test.db, organiser, pf, 'https://emploi.example'), forum.id, new Date())
  // Whatever left before the failure is not sent twice.
  expect(resumed.sent + (sent.length - 3)).toBe(2)
  expect(sent.filter((m) => m.to === 'zoe@exemple.fr')).toHaveLength(2)
  expect(sent.filter((m) => m.to === 'rh@opale.fr')).toHaveLength(2)
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mail } from '#app/utils/mail.server.ts'
import { sendNotificationJobs } from './notification-jobs.ts'
import { savePreferences } from './queries/notification-preferences.ts'
import { addTestForumCandidate, addTestForumCompany, createTestForum } from './seed/forum-factories.ts'
import { createTestApplication, createTestCandidate, createTestCompany, createTestOffer } from './seed/factories.ts'
import { createTestDatabase } from './test-database.ts'

// The mailer is a STUB that can refuse (the real SMTP path of notifications: e2e/notifications.spec.ts).
const T0 = new Date('2027-03-10T07:00:00Z')
const HOUR = 3_600_000
let test: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  test = await createTestDatabase()
})
afterAll(() => test.destroy())

describe('daily digest and forum reminder (SMTP stub)', () => {
  it('a recruiter on the daily digest gets one mail a day listing the new applications; a forum candidate gets their programme once, two days before', async () => {
    const sent: Mail[] = []
    let refuse = false
    const mailer = { send: async (m: Mail) => { if (refuse) throw new Error('421 stub'); sent.push(m) } }
    const run = (now: Date) => sendNotificationJobs({ db: test.db, mailer, publicUrl: 'https://passerelle.exemple.fr', now })

    const company = await createTestCompany(test.db, { name: 'Opale Réseaux', verified_at: T0.toISOString() })
    const recruiter = await test.db.insertInto('users').values({ email: 'rh@opale.fr', password_hash: 'x', display_name: 'Nora', role: 'recruiter', created_at: T0.toISOString(), last_active_at: T0.toISOString() }).returning('id').executeTakeFirstOrThrow()
    await test.db.insertInto('company_members').values({ company_id: company.id, user_id: recruiter.id, role: 'owner', created_at: T0.toISOString() }).execute()
    await savePreferences(test.db, recruiter.id, { newApplications: 'daily', applicationUpdates: true, forumReminders: true }, T0)
    const offer = await createTestOffer(test.db, { companyId: company.id, title: 'Technicien·ne réseau', published_at: T0.toISOString() })
    const candidate = await createTestCandidate(test.db, { email: 'sam@exemple.fr', firstName: 'Sam', lastName: 'Roussel' })
    await createTestApplication(test.db, { offerId: offer.id, candidateId: candidate.id })
    await test.db.updateTable('applications').set({ created_at: new Date(T0.getTime() + HOUR).toISOString() }).execute()

    // Not a day since the preference was saved: no digest yet.
    expect((await run(new Date(T0.getTime() + 2 * HOUR))).digests).toBe(0)
    // A refused mail is tried again at the next pass.
    refuse = true
    expect((await run(new Date(T0.getTime() + 24 * HOUR))).failed).toBe(1)
    refuse = false
    expect((await run(new Date(T0.getTime() + 25 * HOUR))).digests).toBe(1)
    expect(sent.at(-1)!.to).toBe('rh@opale.fr')
    expect(sent.at(-1)!.text).toContain('Sam Roussel — Technicien·ne réseau')
    expect(sent.at(-1)!.text).toContain('https://passerelle.exemple.fr/compte/notifications')
    expect((await run(new Date(T0.getTime() + 30 * HOUR))).digests).toBe(0)
    // An application withdrawn before the next digest is not in it: the company no longer sees who it was.
    const other = await createTestCandidate(test.db, { email: 'lea@exemple.fr', firstName: 'Léa', lastName: 'Morel' })
    await createTestApplication(test.db, { offerId: offer.id, candidateId: other.id })
    await test.db.updateTable('applications')
      .set({ created_at: new Date(T0.getTime() + 31 * HOUR).toISOString(), withdrawn_at: new Date(T0.getTime() + 32 * HOUR).toISOString() })
      .where('candidate_id', '=', other.id).execute()
    expect((await run(new Date(T0.getTime() + 50 * HOUR))).digests).toBe(0)
    expect(sent.map((m) => m.text).join('\n')).not.toContain('Léa Morel')

    // The forum of 2027-03-12 (venue time), two days after T0 + 1 day 1 hour… reminded on 2027-03-10 (Paris).
    const forum = await createTestForum(test.db, { organiserId: null, name: 'Forum de la Côte d’Opale', date: '2027-03-12' })
    await addTestForumCompany(test.db, forum.id, company.id, 'accepted', [offer.id])
    await addTestForumCandidate(test.db, forum.id, candidate.id)
    await test.db.insertInto('forum_interviews').values({ forum_id: forum.id, company_id: company.id, candidate_id: candidate.id, offer_id: offer.id, table_no: 3, slot_no: 2 }).execute()
    // Imported without consent: in no schedule anyone sees, so no programme and no reminder (as on the programme page).
    const imported = await createTestCandidate(test.db, { email: 'importe@exemple.fr', firstName: 'Lou', lastName: 'Importé' })
    await addTestForumCandidate(test.db, forum.id, imported.id, false)
    await test.db.insertInto('forum_interviews').values({ forum_id: forum.id, company_id: company.id, candidate_id: imported.id, offer_id: offer.id, table_no: 3, slot_no: 3 }).execute()
    const before = sent.length
    expect((await run(new Date('2027-03-09T10:00:00Z'))).reminders).toBe(0)
    expect((await run(new Date('2027-03-10T10:00:00Z'))).reminders).toBe(1)
    const reminder = sent.at(-1)!
    expect(reminder.to).toBe('sam@exemple.fr')
    expect(reminder.text).toContain('09:40–10:00 — Opale Réseaux, table 3')
    expect(reminder.text).toContain('Offre : Technicien·ne réseau')
    expect(reminder.text).toContain(`https://passerelle.exemple.fr/forums/${forum.slug}/programme`)
    expect((await run(new Date('2027-03-10T16:00:00Z'))).reminders).toBe(0)
    expect(sent.length).toBe(before + 1)
  })
})

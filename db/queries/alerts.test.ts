import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFileStore } from '../files.ts'
import { createTestCandidate } from '../seed/factories.ts'
import { createTestDatabase } from '../test-database.ts'
import { runMaintenance } from '../maintenance.ts'
import { confirmAlert, countAlertsOf, createAccountAlert, createPendingAlert, deleteAlertOf, listAlertsOf, PENDING_ALERT_DAYS, setAlertPausedOf } from './alerts.ts'
import { savePreferences } from './notification-preferences.ts'
import { deleteCandidateAccount, exportCandidateData } from './personal-data.ts'

const NOW = new Date('2027-01-10T10:00:00Z')
let test: Awaited<ReturnType<typeof createTestDatabase>>
const files = createFileStore(mkdtempSync(path.join(tmpdir(), 'passerelle-files-')))
beforeAll(async () => {
  test = await createTestDatabase()
})
afterAll(() => test.destroy())

describe('alerts and notification preferences as personal data', () => {
  it('a candidate\'s alerts are theirs alone, exported with the preferences, and deleted with the account (visitor alerts of the address too)', async () => {
    const lou = await createTestCandidate(test.db, { email: 'lou@exemple.fr' })
    const other = await createTestCandidate(test.db, { email: 'autre@exemple.fr' })
    const own = await createAccountAlert(test.db, { userId: lou.id, email: lou.email, search: 'q=php', label: '« php »', frequency: 'daily' }, NOW)
    await createPendingAlert(test.db, { email: lou.email, search: 'contrat=stage', label: 'Stage', frequency: 'weekly' }, NOW)
    await createAccountAlert(test.db, { userId: other.id, email: other.email, search: 'q=java', label: '« java »', frequency: 'daily' }, NOW)
    await savePreferences(test.db, lou.id, { newApplications: 'immediate', applicationUpdates: false, forumReminders: true }, NOW)

    // Another account cannot pause nor delete it.
    expect(await setAlertPausedOf(test.db, other.id, own.id, true, NOW)).toBe(false)
    expect(await deleteAlertOf(test.db, other.id, own.id)).toBe(false)
    expect((await listAlertsOf(test.db, lou.id)).map((a) => [a.label, a.status])).toEqual([['« php »', 'active']])

    const exported = await exportCandidateData(test.db, files, lou.id, NOW)
    expect(exported!.alerts.map((a) => a.label).sort()).toEqual(['Stage', '« php »'])
    expect(exported!.notificationPreferences).toMatchObject({ applicationUpdates: false, forumReminders: true })
    expect(JSON.stringify(exported)).not.toContain('java')
    expect(JSON.stringify(exported)).not.toContain(own.token)

    expect(await deleteCandidateAccount(test.db, files, lou.id, NOW)).toBe(true)
    expect(await test.db.selectFrom('alerts').select('email').execute()).toEqual([{ email: 'autre@exemple.fr' }])
    expect(await test.db.selectFrom('notification_preferences').selectAll().execute()).toEqual([])
  })

  it('unconfirmed alerts lock nobody out, stop working after PENDING_ALERT_DAYS and are then forgotten', async () => {
    const email = 'cible@exemple.fr'
    const dayMs = 86_400_000
    const old = await createPendingAlert(test.db, { email, search: 'q=go', label: '« go »', frequency: 'daily' }, new Date(NOW.getTime() - (PENDING_ALERT_DAYS + 1) * dayMs))
    const recent = await createPendingAlert(test.db, { email, search: 'q=rust', label: '« rust »', frequency: 'daily' }, NOW)
    // Filed by anyone for this address: not counted against its owner's limit.
    expect(await countAlertsOf(test.db, email)).toBe(0)
    expect(await confirmAlert(test.db, old.token, NOW)).toBe(false)
    expect(await confirmAlert(test.db, recent.token, NOW)).toBe(true)
    expect(await countAlertsOf(test.db, email)).toBe(1)
    const summary = await runMaintenance({ db: test.db, files, mailer: { send: async () => {} } as never, publicUrl: 'http://localhost', now: NOW })
    expect(summary.prunedPendingAlerts).toBe(1)
    expect((await test.db.selectFrom('alerts').select('label').where('email', '=', email).execute()).map((a) => a.label)).toEqual(['« rust »'])
  })
})

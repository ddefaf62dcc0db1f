import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mail } from '#app/utils/mail.server.ts'
import { sendDueAlerts } from '#db/alert-job.ts'
import { confirmAlert, createPendingAlert } from '#db/queries/alerts.ts'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { createMeilisearch } from './index.ts'
import { startStubbedMeilisearch, type StubbedMeilisearch } from './stubbed-http.ts'

// Stubbed HTTP: no Meilisearch can run here. The alert job (db/alert-job.ts) asks the adapter, through the
// SearchEngine interface, exactly what the search page would, sorted by date within the window; the mailer is a
// stub too (the real SMTP path: db/alert-job.test.ts, e2e/alerts.spec.ts).

const T0 = new Date('2027-02-01T08:00:00Z')
const DAY = 86_400_000
let test: Awaited<ReturnType<typeof createTestDatabase>>
let stub: StubbedMeilisearch

beforeAll(async () => {
  test = await createTestDatabase()
  stub = await startStubbedMeilisearch()
})
afterAll(async () => {
  await stub.close()
  await test.destroy()
})

describe('stubbed HTTP: no Meilisearch can run here — alerts matched by the Meilisearch adapter', () => {
  it('sends the alert\'s filters with a date sort and the posted-within window, and mails the new offers Meilisearch finds', async () => {
    const company = await createTestCompany(test.db, { verified_at: T0.toISOString() })
    const { token } = await createPendingAlert(test.db, { email: 'zoe@exemple.fr', search: 'q=rust&contrat=cdi', label: '« rust » · CDI', frequency: 'daily' }, T0)
    await confirmAlert(test.db, token, T0)
    const before = await createTestOffer(test.db, { companyId: company.id, title: 'Rust avant', published_at: new Date(T0.getTime() - 2 * DAY).toISOString() })
    const fresh = await createTestOffer(test.db, { companyId: company.id, title: 'Développeuse Rust', published_at: new Date(T0.getTime() + DAY / 2).toISOString() })
    // Meilisearch answers both (a stale index could): the job keeps only what appeared since the alert started.
    stub.routes.push((request) =>
      request.path === '/multi-search'
        ? { body: { results: (request.body as { queries: unknown[] }).queries.map((_, i) => ({ indexUid: 'test_offers', hits: i === 0 ? [{ id: fresh.id }, { id: before.id }] : [], totalHits: i === 0 ? 2 : 0, facetDistribution: {} })) } }
        : undefined,
    )
    const sent: Mail[] = []
    const summary = await sendDueAlerts({
      db: test.db, search: createMeilisearch(stub.config, test.sqlite).engine, mailer: { send: async (m) => void sent.push(m) },
      publicUrl: 'https://passerelle.exemple.fr', now: new Date(T0.getTime() + DAY + 3_600_000),
    })
    expect(summary).toMatchObject({ due: 1, mailed: 1, offers: 1 })
    expect(sent[0]!.text).toContain('Développeuse Rust')
    expect(sent[0]!.text).not.toContain('Rust avant')
    const main = (stub.requests.find((r) => r.path === '/multi-search')!.body as { queries: { q?: string; filter?: unknown; sort?: string[] }[] }).queries[0]!
    expect(main.q).toContain('rust')
    expect(JSON.stringify(main.filter)).toContain('cdi')
    expect(JSON.stringify(main.filter)).toMatch(/published/)
    expect(main.sort?.[0]).toMatch(/published.*desc/)
  })
})

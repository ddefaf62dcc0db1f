import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#db/test-database.ts'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { NOW, seedOffers } from '../contract/offer-search.contract.ts'
import { indexOffer } from './offer-index.ts'
import { EmbeddedSearchEngine } from './engine.ts'
import { offerQuery } from '../query-params.ts'
import type { OfferQuery } from '../types.ts'

// What every engine does is tested once, in search/contract/. Here: how this engine keeps up
// with the database by itself (typo vocabulary, other connections, the FTS5 index).

const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString()

let test: Awaited<ReturnType<typeof createTestDatabase>>
let engine: EmbeddedSearchEngine
let ids: Record<string, number>

const search = (overrides: Partial<OfferQuery>) => engine.searchOffers(offerQuery({ sort: overrides.text ? 'relevance' : 'date', ...overrides }), NOW)
const titles = async (overrides: Partial<OfferQuery>) => (await search(overrides)).hits.map((h) => h.title)

beforeAll(async () => {
  test = await createTestDatabase()
  ids = await seedOffers(test.db)
  engine = new EmbeddedSearchEngine(test.sqlite)
})

afterAll(async () => {
  await test.destroy()
})

describe('following the database', () => {
  it('finds a word of an offer written after the typo vocabulary was loaded, with a typo, at once', async () => {
    expect(await titles({ text: 'développeur' })).not.toEqual([]) // vocabulary loaded
    const company = await createTestCompany(test.db, { name: 'Zéphyr Conseil' })
    const offer = await createTestOffer(test.db, { companyId: company.id, title: 'Consultant Zephyrinus', published_at: daysAgo(1) })
    expect(await titles({ text: 'zefyrinus ' })).toEqual(['Consultant Zephyrinus'])
    await test.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('offers').where('id', '=', offer.id).execute()
      await indexOffer(trx, offer.id)
    })
    expect(await titles({ text: 'zefyrinus ' })).toEqual([])
  })

  it('sees changes written by another connection to the same file', async () => {
    const { openDatabase } = await import('#db/connection.ts')
    const other = openDatabase(test.file)
    await other.db.transaction().execute(async (trx) => {
      await trx.updateTable('offers').set({ title: 'Développeur web full-stack TypeScript' }).where('id', '=', ids.fullstack!).execute()
      await indexOffer(trx, ids.fullstack!)
    })
    await other.db.destroy()
    expect(await titles({ text: 'typescript' })).toEqual(['Développeur web full-stack TypeScript'])
    await test.db.transaction().execute(async (trx) => {
      await trx.updateTable('offers').set({ title: 'Développeur web full-stack' }).where('id', '=', ids.fullstack!).execute()
      await indexOffer(trx, ids.fullstack!)
    })
  })
})

describe('index integrity', () => {
  it('holds exactly the published offers', async () => {
    const { rows } = await sql<{ n: number }>`select count(*) as n from offers_fts`.execute(test.db)
    const published = await test.db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow()
    expect(rows[0]!.n).toBe(published.n)
  })
})

describe('the skills vocabulary of the trade', () => {
  it('finds an offer by any spelling of a tool it is tagged with, and not by a common word inside a spelling', async () => {
    const company = await createTestCompany(test.db, { name: 'Opale Réseaux' })
    const offer = await createTestOffer(test.db, {
      companyId: company.id, title: 'Administrateur sécurité', published_at: daysAgo(1),
      skills: [{ slug: 'pare-feu', required: true }, { slug: 'gcp', required: false }],
    })
    expect(await titles({ text: 'firewall' })).toContain('Administrateur sécurité')
    expect(await titles({ text: 'pare-feu' })).toContain('Administrateur sécurité')
    expect(await titles({ text: 'google cloud platform' })).toContain('Administrateur sécurité')
    // "Platform" and "Google" are words of a spelling, not skills: the offer says neither.
    expect(await titles({ text: 'platform' })).not.toContain('Administrateur sécurité')
    await test.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('offers').where('id', '=', offer.id).execute()
      await indexOffer(trx, offer.id)
    })
  })
})

import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#db/test-database.ts'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { indexOffer } from './offer-index.ts'
import { EmbeddedSearchEngine } from './engine.ts'
import { offerQuery } from '../query-params.ts'
import type { OfferQuery } from '../types.ts'

const NOW = new Date('2026-11-20T10:00:00Z')
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString()
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString()

let test: Awaited<ReturnType<typeof createTestDatabase>>
let engine: EmbeddedSearchEngine
const ids: Record<string, number> = {}

const search = (overrides: Partial<OfferQuery>) => engine.searchOffers(offerQuery({ sort: overrides.text ? 'relevance' : 'date', ...overrides }), NOW)
const titles = async (overrides: Partial<OfferQuery>) => (await search(overrides)).hits.map((h) => h.title)

beforeAll(async () => {
  test = await createTestDatabase()
  const db = test.db
  const calais = await createTestCompany(db, { name: 'Opale Logiciels', slug: 'opale-logiciels', commune_insee: '62193' })
  const boulogne = await createTestCompany(db, { name: 'Baie Numérique', slug: 'baie-numerique', commune_insee: '62160' })
  const lille = await createTestCompany(db, { name: 'Métropole Data', slug: 'metropole-data', commune_insee: '59350' })
  const offer = async (key: string, fields: Parameters<typeof createTestOffer>[1]) => {
    ids[key] = (await createTestOffer(db, fields)).id
  }
  await offer('fullstack', {
    companyId: calais.id, title: 'Développeur web full-stack', commune_insee: '62193', contract_type: 'cdi',
    remote_policy: 'hybrid', experience_level: 'junior', salary_min: 30000, salary_max: 36000, salary_period: 'year',
    published_at: daysAgo(2), description_md: 'Vous développerez nos applications en JavaScript.',
    skills: [{ slug: 'javascript', required: true }, { slug: 'react', required: true }],
  })
  await offer('alternance', {
    companyId: boulogne.id, title: 'Alternance technicien support', commune_insee: '62160', contract_type: 'alternance',
    remote_policy: 'on_site', experience_level: 'entry', salary_min: 1100, salary_max: 1300, salary_period: 'month',
    published_at: daysAgo(10), description_md: 'Assistance aux utilisateurs, un développeur vous accompagne.',
    skills: [{ slug: 'support', required: true }],
  })
  await offer('csharp', {
    companyId: lille.id, title: 'Ingénieur C# / .NET', commune_insee: '59350', contract_type: 'cdi',
    remote_policy: 'full_remote', experience_level: 'confirmed', salary_min: 42000, salary_max: 50000, salary_period: 'year',
    published_at: daysAgo(1), description_md: 'Applications métier en C# sur Azure.',
    skills: [{ slug: 'csharp', required: true }, { slug: 'dotnet', required: true }],
  })
  await offer('cpp', {
    companyId: lille.id, title: 'Développeur C++ embarqué', commune_insee: '59350', contract_type: 'cdd',
    remote_policy: 'on_site', experience_level: 'senior', published_at: daysAgo(40), description_md: 'Systèmes embarqués.',
    skills: [{ slug: 'cpp', required: true }],
  })
  await offer('dunkerque', {
    companyId: calais.id, title: 'Stage data analyst', commune_insee: '59183', contract_type: 'stage',
    remote_policy: 'hybrid', experience_level: 'entry', salary_min: 700, salary_max: 700, salary_period: 'month',
    published_at: daysAgo(5), description_md: 'Tableaux de bord Power BI, un peu de développement Python.',
    skills: [{ slug: 'python', required: true }, { slug: 'power-bi', required: false }],
  })
  await offer('draft', { companyId: calais.id, title: 'Développeur brouillon', status: 'draft', published_at: null })
  await offer('pending', { companyId: calais.id, title: 'Développeur en attente', status: 'pending', published_at: null })
  await offer('closed', { companyId: calais.id, title: 'Développeur pourvu', status: 'closed', published_at: daysAgo(20) })
  await offer('expired', {
    companyId: calais.id, title: 'Développeur périmé', status: 'published', published_at: daysAgo(70), expires_at: daysAgo(10),
  })
  engine = new EmbeddedSearchEngine(test.sqlite)
})

afterAll(async () => {
  await test.destroy()
})

describe('text search', () => {
  it('ignores case and accents', async () => {
    expect(await titles({ text: 'DEVELOPPEUR WEB' })).toEqual(['Développeur web full-stack'])
    expect(await titles({ text: 'ingénieur' })).toEqual(['Ingénieur C# / .NET'])
  })

  it('matches the beginning of the last word while it is typed', async () => {
    expect(await titles({ text: 'full-sta' })).toEqual(['Développeur web full-stack'])
    expect(await titles({ text: 'alternan' })).toEqual(['Alternance technicien support'])
  })

  it('tolerates one typo from five letters and two from nine', async () => {
    expect(await titles({ text: 'tehnicien ' })).toEqual(['Alternance technicien support'])
    expect(await titles({ text: 'dvelopeur web ' })).toEqual(['Développeur web full-stack'])
    // "web" has three letters: no typo allowed.
    expect(await titles({ text: 'wed ' })).toEqual([])
  })

  it('applies skill synonyms', async () => {
    expect(await titles({ text: 'JS ' })).toEqual(['Développeur web full-stack'])
    expect(await titles({ text: 'React.js' })).toEqual(['Développeur web full-stack'])
  })

  it('tells C# from C++', async () => {
    expect(await titles({ text: 'C#' })).toEqual(['Ingénieur C# / .NET'])
    expect(await titles({ text: 'c++' })).toEqual(['Développeur C++ embarqué'])
  })

  it('ranks a title match over a description match, and exact words over typo corrections', async () => {
    const hits = await titles({ text: 'développeur ' })
    expect(hits[0]).toMatch(/^Développeur/)
    expect(hits.at(-1)).toBe('Alternance technicien support') // only in its description
    expect(hits.indexOf('Stage data analyst')).toBe(-1) // "développement" is neither a typo nor a prefix of the word
  })

  it('reads FTS5 operators as plain words', async () => {
    // Nothing but syntax: no word left, every offer listed, and the user told why.
    for (const text of ['"', '*', '-', '^', '(((', ':']) {
      const result = await search({ text })
      expect(result.total).toBe(5)
      expect(result.notices).toContain('Votre recherche ne contient aucun mot exploitable : toutes les offres sont affichées.')
    }
    // Operators are words that no offer contains.
    expect(await titles({ text: 'AND OR NOT' })).toEqual([])
    expect(await titles({ text: 'NEAR(' })).toEqual([])
    expect(await titles({ text: 'NEAR(web' })).toEqual([])
    // Quotes, minus signs and column prefixes leave the words themselves.
    expect(await titles({ text: '"développeur" -web' })).toEqual(['Développeur web full-stack'])
    expect(await titles({ text: 'title:web' })).toEqual([])
    expect(await titles({ text: 'col:web full' })).toEqual([])
    expect(await titles({ text: '"développeur web"' })).toEqual(['Développeur web full-stack'])
  })
})

describe('visibility', () => {
  it('returns only published offers that have not expired, newest first for an empty query', async () => {
    expect(await titles({})).toEqual([
      'Ingénieur C# / .NET',
      'Développeur web full-stack',
      'Stage data analyst',
      'Alternance technicien support',
      'Développeur C++ embarqué',
    ])
  })

  it('follows a change committed with its index write, and ignores one rolled back', async () => {
    await test.db.transaction().execute(async (trx) => {
      await trx.updateTable('offers').set({ status: 'closed' }).where('id', '=', ids.cpp!).execute()
      await indexOffer(trx, ids.cpp!)
    })
    expect(await titles({ text: 'embarqué' })).toEqual([])

    await test.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('offers').set({ status: 'published' }).where('id', '=', ids.cpp!).execute()
        await indexOffer(trx, ids.cpp!)
        throw new Error('abandon')
      })
      .catch(() => undefined)
    expect(await titles({ text: 'embarqué' })).toEqual([])

    await test.db.transaction().execute(async (trx) => {
      await trx.updateTable('offers').set({ status: 'published' }).where('id', '=', ids.cpp!).execute()
      await indexOffer(trx, ids.cpp!)
    })
    expect(await titles({ text: 'embarqué' })).toEqual(['Développeur C++ embarqué'])
  })

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

describe('filters and facets', () => {
  it('filters by contract and territory, and counts each facet with the other filters on', async () => {
    const result = await search({ contracts: ['cdi'], territories: ['calaisis'] })
    expect(result.hits.map((h) => h.title)).toEqual(['Développeur web full-stack'])
    // Contract counts ignore the contract filter but honour the territory one.
    expect(result.facets.contract).toEqual([{ value: 'cdi', count: 1 }])
    // Territory counts honour the contract filter: the CDI in Lille belongs to no territory.
    expect(result.facets.territory).toEqual([{ value: 'calaisis', count: 1 }])
    const all = await search({ contracts: ['cdi', 'stage'] })
    expect(all.facets.territory).toEqual([
      { value: 'calaisis', count: 1 },
      { value: 'dunkerquois', count: 1 },
    ])
  })

  it('filters by remote policy, experience, skills, company and minimum yearly salary', async () => {
    expect(await titles({ remote: ['full_remote'] })).toEqual(['Ingénieur C# / .NET'])
    expect(await titles({ experience: ['entry'] })).toEqual(['Stage data analyst', 'Alternance technicien support'])
    expect(await titles({ skills: ['javascript', 'react'] })).toEqual(['Développeur web full-stack'])
    expect(await titles({ skills: ['javascript', 'python'] })).toEqual([])
    expect(await titles({ companies: ['metropole-data'] })).toEqual(['Ingénieur C# / .NET', 'Développeur C++ embarqué'])
    // 1,300 €/month is 15,600 €/year; 36,000 €/year reaches 35,000.
    expect(await titles({ salaryMin: 35000 })).toEqual(['Ingénieur C# / .NET', 'Développeur web full-stack'])
  })

  it('filters by publication age', async () => {
    expect(await titles({ postedWithinDays: 3 })).toEqual(['Ingénieur C# / .NET', 'Développeur web full-stack'])
    const result = await search({})
    expect(result.facets.postedWithin).toEqual([
      { value: '1', count: 1 },
      { value: '7', count: 3 },
      { value: '30', count: 4 },
    ])
  })

  it('searches around a commune within a radius and sorts by distance', async () => {
    // Calais → Boulogne-sur-Mer is about 30 km, Dunkerque about 38 km, Lille about 95 km.
    const near = await search({ near: { insee: '62193', radiusKm: 40 }, sort: 'distance' })
    expect(near.hits.map((h) => h.commune.name)).toEqual(['Calais', 'Boulogne-sur-Mer', 'Dunkerque'])
    expect(near.hits[0]!.distanceKm).toBe(0)
    expect(near.hits[1]!.distanceKm).toBeGreaterThan(25)
    expect(near.hits[1]!.distanceKm).toBeLessThan(35)
    expect(near.facets.radius).toEqual([
      { value: '10', count: 1 },
      { value: '20', count: 1 },
      { value: '50', count: 3 },
      { value: '100', count: 5 },
    ])
  })

  it('ignores an unknown commune with a notice', async () => {
    const result = await search({ near: { insee: '99999', radiusKm: 10 } })
    expect(result.total).toBe(5)
    expect(result.notices.join(' ')).toMatch(/Commune inconnue/)
  })
})

describe('sorting and pagination', () => {
  it('sorts by salary, highest first, offers without salary last', async () => {
    const hits = await titles({ sort: 'salary' })
    expect(hits).toEqual([
      'Ingénieur C# / .NET',
      'Développeur web full-stack',
      'Alternance technicien support',
      'Stage data analyst',
      'Développeur C++ embarqué',
    ])
  })

  it('falls back to date when distance sort has no commune', async () => {
    const result = await search({ sort: 'distance' })
    expect(result.sort).toBe('date')
    expect(result.notices.join(' ')).toMatch(/distance/)
  })

  it('pages through the results', async () => {
    const first = await search({ perPage: 2, page: 1 })
    const third = await search({ perPage: 2, page: 3 })
    expect(first.pageCount).toBe(3)
    expect(first.hits.map((h) => h.title)).toEqual(['Ingénieur C# / .NET', 'Développeur web full-stack'])
    expect(third.hits.map((h) => h.title)).toEqual(['Développeur C++ embarqué'])
    const beyond = await search({ perPage: 2, page: 9 })
    expect(beyond.page).toBe(3)
  })
})

describe('index integrity', () => {
  it('holds exactly the published offers', async () => {
    const { rows } = await sql<{ n: number }>`select count(*) as n from offers_fts`.execute(test.db)
    const published = await test.db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow()
    expect(rows[0]!.n).toBe(published.n)
  })
})

import { describe, expect, it } from 'vitest'
import type { Transaction } from 'kysely'
import type { DB } from '#db/connection.ts'
import type { Database } from '#db/schema.ts'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { indexOffer } from '../embedded/offer-index.ts'
import { NOTICE } from '../notices.ts'
import { offerQuery } from '../query-params.ts'
import type { OfferQuery } from '../types.ts'
import { useDataset, type EngineFactory } from './harness.ts'

export const NOW = new Date('2026-11-20T10:00:00Z')
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString()

/** Five visible offers on the Côte d'Opale and in Lille, and four that must never be found. */
export async function seedOffers(db: DB) {
  const ids: Record<string, number> = {}
  const calais = await createTestCompany(db, { name: 'Opale Logiciels', slug: 'opale-logiciels', commune_insee: '62193' })
  const boulogne = await createTestCompany(db, { name: 'Baie Numérique', slug: 'baie-numerique', commune_insee: '62160' })
  const lille = await createTestCompany(db, { name: 'Métropole Data', slug: 'metropole-data', commune_insee: '59350' })
  const offer = async (key: string, fields: Parameters<typeof createTestOffer>[1]) => {
    ids[key] = (await createTestOffer(db, fields)).id
  }
  await offer('fullstack', {
    companyId: calais.id, title: 'Développeur web full-stack', commune_insee: '62193', contract_type: 'cdi', occupation: 'M1855',
    remote_policy: 'hybrid', experience_level: 'junior', salary_min: 30000, salary_max: 36000, salary_period: 'year',
    published_at: daysAgo(2), description_md: 'Vous développerez nos applications en JavaScript.',
    skills: [{ slug: 'javascript', required: true }, { slug: 'react', required: true }],
  })
  await offer('alternance', {
    companyId: boulogne.id, title: 'Alternance technicien support', commune_insee: '62160', contract_type: 'alternance', occupation: 'I1404',
    remote_policy: 'on_site', experience_level: 'entry', salary_min: 1100, salary_max: 1300, salary_period: 'month',
    published_at: daysAgo(10), description_md: 'Assistance aux utilisateurs, un développeur vous accompagne.',
    skills: [{ slug: 'support', required: true }],
  })
  await offer('csharp', {
    companyId: lille.id, title: 'Ingénieur C# / .NET', commune_insee: '59350', contract_type: 'cdi', occupation: 'M1805',
    remote_policy: 'full_remote', experience_level: 'confirmed', salary_min: 42000, salary_max: 50000, salary_period: 'year',
    published_at: daysAgo(1), description_md: 'Applications métier en C# sur Azure.',
    skills: [{ slug: 'csharp', required: true }, { slug: 'dotnet', required: true }],
  })
  await offer('cpp', {
    companyId: lille.id, title: 'Développeur C++ embarqué', commune_insee: '59350', contract_type: 'cdd', occupation: 'M1892',
    remote_policy: 'on_site', experience_level: 'senior', published_at: daysAgo(40), description_md: 'Systèmes embarqués.',
    skills: [{ slug: 'cpp', required: true }],
  })
  await offer('dunkerque', {
    companyId: calais.id, title: 'Stage data analyst', commune_insee: '59183', contract_type: 'stage', occupation: 'M1419',
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
  return ids
}

/** What any engine must do with offers: the same results, whichever answers. */
export function offerSearchContract(factory: EngineFactory) {
  describe('offer search', () => {
    const data = useDataset(factory, seedOffers)
    const search = (overrides: Partial<OfferQuery>) =>
      data.under.engine.searchOffers(offerQuery({ sort: overrides.text ? 'relevance' : 'date', ...overrides }), NOW)
    const titles = async (overrides: Partial<OfferQuery>) => (await search(overrides)).hits.map((h) => h.title)
    const found = async (overrides: Partial<OfferQuery>) => {
      const result = await search(overrides)
      return { titles: result.hits.map((h) => h.title), total: result.total }
    }

    describe('text', () => {
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

      it('reads query syntax (quotes, minus, operators, columns) as plain words', async () => {
        // Nothing but syntax: no word left, every offer listed, and the user told why.
        for (const text of ['"', '*', '-', '^', '(((', ':']) {
          const result = await search({ text })
          expect(result.total).toBe(5)
          expect(result.notices).toContain(NOTICE.noUsableWord)
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
        const all = await search({})
        expect(all.hits.map((h) => h.title)).toEqual([
          'Ingénieur C# / .NET',
          'Développeur web full-stack',
          'Stage data analyst',
          'Alternance technicien support',
          'Développeur C++ embarqué',
        ])
        // Totals are counted by the index, not re-read from the database like the hits: they show what it holds.
        expect(all.total).toBe(5)
        for (const word of ['brouillon', 'attente', 'pourvu', 'périmé']) expect(await found({ text: word })).toEqual({ titles: [], total: 0 })
        const indexed = await data.under.indexedIds('offer')
        for (const hidden of ['draft', 'pending', 'closed']) expect(indexed).not.toContain(data.rows[hidden])
      })

      it('follows a committed change, and ignores one rolled back', async () => {
        const { db } = data.database
        const setStatus = (status: 'closed' | 'published') => async (trx: Transaction<Database>) => {
          await trx.updateTable('offers').set({ status }).where('id', '=', data.rows.cpp!).execute()
          await indexOffer(trx, data.rows.cpp!)
        }
        const expectIndexed = async (shown: boolean) => {
          expect(await found({ text: 'embarqué' })).toEqual(shown ? { titles: ['Développeur C++ embarqué'], total: 1 } : { titles: [], total: 0 })
          expect((await search({})).total).toBe(shown ? 5 : 4)
          expect((await data.under.indexedIds('offer')).includes(data.rows.cpp!)).toBe(shown)
        }
        await db.transaction().execute(setStatus('closed'))
        await data.under.afterWrite()
        await expectIndexed(false)

        await db
          .transaction()
          .execute(async (trx) => {
            await setStatus('published')(trx)
            throw new Error('abandon')
          })
          .catch(() => undefined)
        await data.under.afterWrite()
        await expectIndexed(false)

        await db.transaction().execute(setStatus('published'))
        await data.under.afterWrite()
        await expectIndexed(true)
      })
    })

    describe('filters and facets', () => {
      it('filters by occupation (the ROME code, "Métier") and counts that facet with the other filters on', async () => {
        const developers = await search({ occupations: ['M1855', 'M1805'] })
        expect(developers.hits.map((h) => h.title).sort()).toEqual(['Développeur web full-stack', 'Ingénieur C# / .NET'])
        // The facet leaves its own filter out: every occupation still shows, with its count.
        expect(developers.facets.occupation).toEqual(['I1404', 'M1419', 'M1805', 'M1855', 'M1892'].map((value) => ({ value, count: 1 })))
        // The occupation filter narrows the other facets.
        expect(developers.facets.contract).toEqual([{ value: 'cdi', count: 2 }])
        const internships = await search({ contracts: ['stage'] })
        expect(internships.facets.occupation).toEqual([{ value: 'M1419', count: 1 }])
      })

      it('filters by contract and territory, and counts each facet with the other filters on', async () => {
        const result = await search({ contracts: ['cdi'], territories: ['calaisis'] })
        expect(result.hits.map((h) => h.title)).toEqual(['Développeur web full-stack'])
        // Contract counts ignore the contract filter but honour the territory one.
        expect(result.facets.contract).toEqual([{ value: 'cdi', count: 1 }])
        // Territory counts honour the contract filter: the CDI in Lille lies outside the region's territories.
        expect(result.facets.territory).toEqual([{ value: 'calaisis', count: 1 }, { value: 'hors-territoire', count: 1 }])
        const all = await search({ contracts: ['cdi', 'stage'] })
        expect(all.facets.territory).toEqual([
          { value: 'calaisis', count: 1 },
          { value: 'dunkerquois', count: 1 },
          { value: 'hors-territoire', count: 1 },
        ])
        // Offers outside the territories stay searchable, and can be asked for.
        const outside = await search({ territories: ['hors-territoire'] })
        expect(new Set(outside.hits.map((h) => h.commune.name))).toEqual(new Set(['Lille']))
        expect(all.facets.contract).toEqual([
          { value: 'cdi', count: 2 },
          { value: 'alternance', count: 1 },
          { value: 'cdd', count: 1 },
          { value: 'stage', count: 1 },
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

      it('counts skills, companies and salary thresholds, a selected company always listed', async () => {
        const result = await search({ companies: ['metropole-data', 'nobody'], salaryMin: 40000 })
        expect(result.hits.map((h) => h.title)).toEqual(['Ingénieur C# / .NET'])
        expect(result.facets.company).toEqual([
          { value: 'metropole-data', count: 1 },
          { value: 'nobody', count: 0 },
        ])
        expect(result.facets.skill).toEqual([
          { value: 'csharp', count: 1 },
          { value: 'dotnet', count: 1 },
        ])
        // Salary counts leave the salary filter out, and honour the company one.
        expect(result.facets.salaryMin).toEqual([
          { value: '25000', count: 1 },
          { value: '30000', count: 1 },
          { value: '35000', count: 1 },
          { value: '40000', count: 1 },
          { value: '50000', count: 1 },
        ])
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
        expect(result.notices).toContain(NOTICE.unknownCommune)
        expect(result.facets.radius).toEqual([])
      })
    })

    describe('sorting and pagination', () => {
      it('sorts by salary, highest first, offers without salary last', async () => {
        expect(await titles({ sort: 'salary' })).toEqual([
          'Ingénieur C# / .NET',
          'Développeur web full-stack',
          'Alternance technicien support',
          'Stage data analyst',
          'Développeur C++ embarqué',
        ])
      })

      it('sorts by date when asked, even with words', async () => {
        expect(await titles({ text: 'développeur ', sort: 'date' })).toEqual([
          'Développeur web full-stack',
          'Alternance technicien support',
          'Développeur C++ embarqué',
        ])
      })

      it('falls back to date when distance sort has no commune', async () => {
        const result = await search({ sort: 'distance' })
        expect(result.sort).toBe('date')
        expect(result.notices).toContain(NOTICE.distanceNeedsCommune)
      })

      it('pages through the results, and shows the last page for a page past it', async () => {
        const first = await search({ perPage: 2, page: 1 })
        const third = await search({ perPage: 2, page: 3 })
        expect(first.total).toBe(5)
        expect(first.pageCount).toBe(3)
        expect(first.hits.map((h) => h.title)).toEqual(['Ingénieur C# / .NET', 'Développeur web full-stack'])
        expect(third.hits.map((h) => h.title)).toEqual(['Développeur C++ embarqué'])
        const beyond = await search({ perPage: 2, page: 9 })
        expect(beyond.page).toBe(3)
        expect(beyond.hits.map((h) => h.title)).toEqual(['Développeur C++ embarqué'])
        expect(beyond.notices).toContain(NOTICE.pageBeyondLast(9))
      })
    })
  })
}

import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { offerQuery } from '../query-params.ts'
import { EmbeddedSearchEngine } from './engine.ts'

const NOW = new Date('2026-11-20T10:00:00Z')
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString()
let test: Awaited<ReturnType<typeof createTestDatabase>>
let engine: EmbeddedSearchEngine

beforeAll(async () => {
  test = await createTestDatabase()
  const company = await createTestCompany(test.db, { name: 'Atelier Wissant' })
  const offer = (title: string, description: string, days: number, skills: { slug: string; required: boolean }[] = []) =>
    createTestOffer(test.db, { companyId: company.id, title, description_md: description, published_at: daysAgo(days), skills })
  // Newest first in the table, so that date alone would give the opposite order.
  await offer('Analystes BI', 'Tableaux de bord.', 1)
  await offer('Chargé de reporting', 'Vous serez analyste au sein du pôle.', 2)
  await offer('Consultant Python', 'Automatisation.', 3, [{ slug: 'power-bi', required: true }])
  await offer('Analyste données', 'Études statistiques.', 4)
  await offer('Analyste Power BI', 'Études.', 5)
  engine = new EmbeddedSearchEngine(test.sqlite)
})
afterAll(async () => {
  await test.destroy()
})

const titles = async (text: string) =>
  (await engine.searchOffers(offerQuery({ text, sort: 'relevance' }), NOW)).hits.map((h) => h.title)

it('ranks exact words in the title, then in the description, then typo corrections, newest first within each', async () => {
  expect(await titles('analyste ')).toEqual([
    'Analyste données', // exact, in the title (newer of the two)
    'Analyste Power BI',
    'Chargé de reporting', // exact, in the description only
    'Analystes BI', // a typo away ("analystes"), even though it is the newest
  ])
})

it('ranks a title match over a skills match', async () => {
  expect(await titles('power bi ')).toEqual(['Analyste Power BI', 'Consultant Python'])
})

it('pages through tiers without losing or repeating a result', async () => {
  const seen: string[] = []
  for (let page = 1; page <= 2; page++) {
    const result = await engine.searchOffers(offerQuery({ text: 'analyste ', sort: 'relevance', perPage: 2, page }), NOW)
    seen.push(...result.hits.map((h) => h.title))
  }
  expect(seen).toEqual(['Analyste données', 'Analyste Power BI', 'Chargé de reporting', 'Analystes BI'])
})

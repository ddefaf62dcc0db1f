import { describe, expect, it } from 'vitest'
import type { DB } from '#db/connection.ts'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { offerQuery } from '../query-params.ts'
import { useDataset, type EngineFactory } from './harness.ts'

const NOW = new Date('2026-11-20T10:00:00Z')
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString()

async function seedAnalysts(db: DB) {
  const company = await createTestCompany(db, { name: 'Atelier Wissant' })
  const offer = (title: string, description: string, days: number, skills: { slug: string; required: boolean }[] = []) =>
    createTestOffer(db, { companyId: company.id, title, description_md: description, published_at: daysAgo(days), skills })
  // Newest first in the table, so that date alone would give the opposite order.
  await offer('Analystes BI', 'Tableaux de bord.', 1)
  await offer('Chargé de reporting', 'Vous serez analyste au sein du pôle.', 2)
  await offer('Consultant Python', 'Automatisation.', 3, [{ slug: 'power-bi', required: true }])
  await offer('Analyste données', 'Études statistiques.', 4)
  await offer('Analyste Power BI', 'Études.', 5)
}

/** Relevance, as docs/decisions/001 defines it: exact words, then where they matched, then newest first. */
export function rankingContract(factory: EngineFactory) {
  describe('relevance', () => {
    const data = useDataset(factory, seedAnalysts)
    const search = (text: string, page = 1, perPage = 20) =>
      data.under.engine.searchOffers(offerQuery({ text, sort: 'relevance', page, perPage }), NOW)
    const titles = async (text: string) => (await search(text)).hits.map((h) => h.title)

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
      for (let page = 1; page <= 2; page++) seen.push(...(await search('analyste ', page, 2)).hits.map((h) => h.title))
      expect(seen).toEqual(['Analyste données', 'Analyste Power BI', 'Chargé de reporting', 'Analystes BI'])
    })
  })
}

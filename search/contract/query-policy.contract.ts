import { describe, expect, it } from 'vitest'
import type { DB } from '#db/connection.ts'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { NOTICE } from '../notices.ts'
import { offerQuery } from '../query-params.ts'
import type { OfferSort } from '../types.ts'
import { RELAX_BELOW } from '../embedded/text-match.ts'
import { useDataset, type EngineFactory } from './harness.ts'

const NOW = new Date('2026-11-20T10:00:00Z')
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString()

async function seedPolicy(db: DB) {
  const atelier = await createTestCompany(db, { name: 'Atelier Opale' })
  const alternance = await createTestCompany(db, { name: 'Alternance Conseil' })
  type Fields = Parameters<typeof createTestOffer>[1]
  const offer = (title: string, description: string, hours: number, fields: Partial<Fields> = {}) =>
    createTestOffer(db, { companyId: atelier.id, title, description_md: description, published_at: hoursAgo(hours), contract_type: 'cdi', remote_policy: 'on_site', ...fields })
  await offer('Ingénieur machine learning', 'Modèles de prévision.', 1, { remote_policy: 'full_remote', skills: [{ slug: 'aws', required: true }] })
  await offer('Développeur', 'Outils internes.', 6, { companyId: alternance.id })
  await offer('Architecte Java', 'Conception.', 24)
  await offer('Java Engineer', 'Équipe produit.', 48)
  await offer('Développeur PHP', 'Sites vitrines.', 72)
  await offer('Technicien', 'Vous assisterez le chef de projet informatique.', 96, { contract_type: 'stage' })
  await offer('Développeur Java', 'Applications métier.', 120)
  await offer('Chef de projet', 'Refonte du site web et du pôle informatique.', 144)
  await offer('Développeur web', 'Sites et intranets.', 192, { contract_type: 'alternance', remote_policy: 'hybrid' })
}

/**
 * The query policy of issue 15 (decisions 001 and 004): relaxing a query
 * whose words too few offers hold together, partial title matches before
 * description-only ones, skill aliases that do not make a generic word a
 * skill match, and contract and remote words. Both engines must agree.
 */
export function queryPolicyContract(factory: EngineFactory) {
  describe('query policy', () => {
    const data = useDataset(factory, seedPolicy)
    const search = (text: string, sort: OfferSort = 'relevance') =>
      data.under.engine.searchOffers(offerQuery({ text, sort }), NOW)
    const titles = async (text: string, sort: OfferSort = 'relevance') => (await search(text, sort)).hits.map((h) => h.title)

    it(`relaxes a query fewer than ${RELAX_BELOW} offers hold whole: the rarer word stays, the offers holding every word come first`, async () => {
      const relaxed = await search('développeur java ')
      // "développeur" (4 offers) is dropped before "java" (3): the Java roles of any title follow the full match, newest first.
      expect(relaxed.hits.map((h) => h.title)).toEqual(['Développeur Java', 'Architecte Java', 'Java Engineer'])
      expect(relaxed.total).toBe(3)
      expect(relaxed.notices).toContain(NOTICE.relaxed(RELAX_BELOW))
      // Sorted by date, the words are all required, as before.
      expect(await titles('développeur java ', 'date')).toEqual(['Développeur Java'])
    })

    it('drops first a word no offer holds, which would otherwise leave nothing; a query written in a search syntax is never relaxed', async () => {
      // "ower" (too short for a typo) is in no offer: the relaxation starts without it.
      const relaxed = await search('java ower ')
      expect(relaxed.hits.map((h) => h.title)).toEqual(['Architecte Java', 'Java Engineer', 'Développeur Java'])
      expect(relaxed.notices).toContain(NOTICE.relaxed(RELAX_BELOW))
      // Written as syntax, every word counts: nothing, as "title:web" finds nothing.
      expect(await titles('ower:java ')).toEqual([])
      expect(await titles('développeur "java" ')).toEqual(['Développeur Java'])
    })

    it('does not relax, nor say so, when relaxing would find no more offers', async () => {
      const result = await search('chef de projet informatique ')
      expect(result.total).toBe(2)
      expect(result.notices).not.toContain(NOTICE.relaxed(RELAX_BELOW))
    })

    it('ranks a partial title match above a description-only match, even an older one', async () => {
      // "Chef de projet" holds three of the four words in its title; "Technicien", newer, none.
      expect(await titles('chef de projet informatique ')).toEqual(['Chef de projet', 'Technicien'])
    })

    it('does not let a skill alias make a generic word a skill match: "web" is not AWS ("Amazon Web Services")', async () => {
      expect(await titles('web ')).toEqual(['Développeur web', 'Chef de projet'])
      // The whole spelling, or another one, still reaches the skill.
      expect(await titles('amazon web services ')).toEqual(['Ingénieur machine learning'])
      expect(await titles('aws ')).toEqual(['Ingénieur machine learning'])
    })

    it('finds the contract and remote policy as words, ranked as the title, not as a company name holding them', async () => {
      // The alternance offer first, although "Alternance Conseil"'s is newer.
      expect(await titles('alternance développeur ')).toEqual(['Développeur web', 'Développeur'])
      expect(await titles('stage ')).toEqual(['Technicien'])
      expect(await titles('apprentissage ')).toEqual(['Développeur web'])
      // Hybrid and full remote are both "télétravail".
      expect(await titles('télétravail ')).toEqual(['Ingénieur machine learning', 'Développeur web'])
    })
  })
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { offerQuery } from '../query-params.ts'
import { EmbeddedSearchEngine } from './engine.ts'

// Role words said another way (search/synonyms.ts ROLE_SYNONYMS) and the 3-letter prefix of the last word.

const NOW = new Date('2026-11-20T10:00:00Z')
let test: Awaited<ReturnType<typeof createTestDatabase>>
let engine: EmbeddedSearchEngine
const titles = async (text: string) =>
  (await engine.searchOffers(offerQuery({ text, sort: 'relevance', perPage: 50 }), NOW)).hits.map((h) => h.title).sort()

beforeAll(async () => {
  test = await createTestDatabase()
  const company = await createTestCompany(test.db, { name: 'Zénith Numérique' })
  const published_at = new Date(NOW.getTime() - 86_400_000).toISOString()
  for (const title of ['Data engineer Python', 'Administrateur système Linux', 'Développeuse React', 'Lead dev Java', 'Commercial bilingue', 'Consultante BI']) {
    await createTestOffer(test.db, { companyId: company.id, title, published_at, description_md: 'Poste en CDI.' })
  }
  // A word held by enough offers (ENOUGH_EXACT_OFFERS) gets no typo corrections.
  for (let i = 1; i <= 20; i++) await createTestOffer(test.db, { companyId: company.id, title: `Ingénieur logiciel ${i}`, published_at })
  await createTestOffer(test.db, { companyId: company.id, title: 'Architecte d’intérieur', published_at })
  engine = new EmbeddedSearchEngine(test.sqlite)
})
afterAll(() => test.destroy())

describe('role synonyms', () => {
  it('reach English and French titles of the same role', async () => {
    expect(await titles('ingénieur de données ')).toEqual(['Data engineer Python'])
    expect(await titles('sysadmin ')).toEqual(['Administrateur système Linux'])
  })

  it('reach both genders and the short form of a role word', async () => {
    expect(await titles('développeur ')).toEqual(['Développeuse React', 'Lead dev Java'])
    expect(await titles('consultant bi ')).toEqual(['Consultante BI'])
  })
})

describe('relaxing a query no offer holds whole', () => {
  it('drops a job title’s head noun before its field word: "architecte react" shows React jobs, not any architect’s', async () => {
    // One offer holds each word: on frequency alone the later word would go first.
    expect(await titles('architecte react ')).toEqual(['Développeuse React'])
    expect(await titles('react architecte ')).toEqual(['Développeuse React'])
  })
})

describe('typo corrections', () => {
  it('are not added for a word twenty offers hold exactly: "ingénieur" does not pull "intérieur"', async () => {
    const found = await titles('ingénieur ')
    expect(found).toHaveLength(20)
    expect(found).not.toContain('Architecte d’intérieur')
    // A misspelt word still gets them.
    expect(await titles('ingénieurr ')).toHaveLength(20)
  })
})

describe('the corrected search ("Vouliez-vous dire")', () => {
  const correction = async (text: string) => (await engine.searchOffers(offerQuery({ text, sort: 'relevance' }), NOW)).correction

  it('replaces each word no offer holds by its closest correction', async () => {
    expect(await correction('ingénieurr logiciel ')).toBe('ingenieur logiciel')
    expect(await correction('administrateur sytème ')).toBe('administrateur systeme')
  })

  it('is not offered when every word is found, nor for a word being typed that begins an indexed word', async () => {
    expect(await correction('ingénieur logiciel ')).toBeUndefined()
    expect(await correction('administrateur syst')).toBeUndefined()
    // Nothing close enough to offer.
    expect(await correction('zzzzzz ')).toBeUndefined()
  })
})

describe('the last word as a prefix', () => {
  it('starts at three letters: "bi" is the word BI, "bil" begins "bilingue"', async () => {
    expect(await titles('bi')).toEqual(['Consultante BI'])
    expect(await titles('bil')).toEqual(['Commercial bilingue'])
  })
})

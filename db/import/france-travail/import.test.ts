import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#db/test-database.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { offerQuery } from '#search/query-params.ts'
import { FIXTURE_NOW, franceTravailFixture, withdrawnInRevision2 } from '../fixtures/france-travail-generator.ts'
import { fixtureJson } from '../fixtures/generate-france-travail.ts'
import { describeImport } from '../offers.ts'
import type { ImportReport } from '../types.ts'
import { importFranceTravail } from './index.ts'
import { parseFranceTravailFile } from './read.ts'

// The committed fixture file (400 generated offers in the API's format) imported into a real SQLite file.
const FILE = new URL('../fixtures/france-travail-offres.json', import.meta.url)
let test: Awaited<ReturnType<typeof createTestDatabase>>
let first: ImportReport
let second: ImportReport
const records = () => parseFranceTravailFile(readFileSync(FILE, 'utf8'))
const offerRow = (sourceId: string) =>
  test.db.selectFrom('offers').selectAll().where('source', '=', 'france-travail').where('source_id', '=', sourceId).executeTakeFirst()

beforeAll(async () => {
  test = await createTestDatabase()
  first = await importFranceTravail(test.db, records(), { now: FIXTURE_NOW, complete: true })
  second = await importFranceTravail(test.db, records(), { now: FIXTURE_NOW, complete: true })
})
afterAll(async () => {
  await test.destroy()
})

describe('importing the France Travail fixture', () => {
  it('is the file the generator script writes', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(fixtureJson())
  })

  it('creates each offer once: a second run of the same file changes nothing', async () => {
    expect(first.created).toBeGreaterThan(300)
    expect(first.created + first.rejected.length).toBe(400)
    expect(second).toMatchObject({ created: 0, updated: 0, closed: 0, unchanged: first.created })
    const { n } = await test.db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).where('source', '=', 'france-travail').executeTakeFirstOrThrow()
    expect(n).toBe(first.created)
  })

  it('rejects, with a French reason each, what cannot be stored', () => {
    const reasons = first.rejected.map((r) => r.reason)
    expect(reasons).toContain('type de contrat inconnu : ZZZ')
    expect(reasons).toContain('commune introuvable : 99 - Ailleurs')
    expect(reasons).toContain('intitule : manquant')
    expect(reasons).toContain('dateCreation : dateCreation n’est pas une date ISO 8601')
    expect(reasons.some((r) => r.startsWith('expirée'))).toBe(true)
    expect(describeImport(first)).toMatch(/^Import france-travail : \d+ créée\(s\), 0 mise\(s\) à jour, 0 inchangée\(s\), 0 fermée\(s\), \d+ rejetée\(s\)\.\n  rejetée /)
  })

  it('never stores the contact block (a recruiter’s name, e-mail and phone)', () => {
    test.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const bytes = readFileSync(test.file).toString('latin1')
    expect(records().some((r) => JSON.stringify(r).includes('recruteur.fictif.'))).toBe(true)
    expect(bytes).not.toContain('recruteur.fictif.')
    expect(bytes).not.toContain('Recruteur Fictif')
  })

  it('decodes HTML entities: no « amp » in titles, descriptions, employers, nor in the index', async () => {
    const leftovers = await test.db
      .selectFrom('offers')
      .select('id')
      .where((eb) => eb.or(['title', 'description_md', 'employer_name', 'salary_text'].map((c) => eb(eb.ref(c as 'title'), 'like', '%&amp;%').or(c as 'title', 'like', '%&#039;%'))))
      .execute()
    expect(leftovers).toEqual([])
    expect((await offerRow('1000001'))!.title).toBe('Data engineer Python & SQL')
    const engine = new EmbeddedSearchEngine(test.sqlite)
    expect((await engine.searchOffers(offerQuery({ text: 'amp' }), FIXTURE_NOW)).total).toBe(0)
  })

  it('keeps what real offers carry: long titles, cents, text salaries, employer or « non communiquée », requirements, source dates and page', async () => {
    const rows = await test.db.selectFrom('offers').selectAll().where('source', '=', 'france-travail').execute()
    expect(Math.max(...rows.map((r) => r.title.length))).toBe(178)
    expect(rows.some((r) => r.salary_min_cents !== null && r.salary_min_cents % 100 !== 0 && r.salary_period === 'month')).toBe(true)
    expect(rows.some((r) => r.salary_period === 'hour' && r.salary_min_cents! > 1100 && r.salary_min_cents! < 1200)).toBe(true)
    expect(rows.some((r) => r.salary_period === null && r.salary_text === 'Selon profil · Selon expérience')).toBe(true)
    expect(rows.some((r) => r.salary_period === null && r.salary_text === 'Hebdomadaire de 600 Euros')).toBe(true)
    const anonymous = rows.filter((r) => r.employer_name === null).length / rows.length
    expect(anonymous).toBeGreaterThan(0.3)
    expect(anonymous).toBeLessThan(0.55)
    expect(rows.some((r) => r.employer_name === 'DIGITAL & CO' && r.employer_size !== null)).toBe(true)
    expect(rows.every((r) => r.remote_stated === 0 && r.source_url!.startsWith('https://candidat.francetravail.fr/'))).toBe(true)
    expect(rows.every((r) => r.source_created_at! <= FIXTURE_NOW.toISOString() && r.published_at === r.source_created_at)).toBe(true)
    expect(rows.some((r) => JSON.parse(r.languages_json ?? '[]').some((l: { label: string }) => l.label === 'Anglais'))).toBe(true)
    expect(rows.some((r) => r.working_time === '35H Horaires normaux · Temps plein' && r.qualification !== null)).toBe(true)
  })

  it('maps every contract code explicitly, and work-study natures to alternance', async () => {
    const rows = await test.db.selectFrom('offers').select(['source_contract', 'contract_type']).where('source', '=', 'france-travail').execute()
    const seen = new Map(rows.map((r) => [r.source_contract, r.contract_type]))
    expect(Object.fromEntries([...seen].sort())).toMatchObject({
      'CDI · Contrat travail': 'cdi', 'CDD · Contrat travail': 'cdd', 'MIS · Contrat travail': 'interim', 'SAI · Contrat travail': 'cdd',
      'FRA · Emploi non salarié': 'freelance', 'DIN · Contrat travail': 'cdi', 'DDI · Insertion par l’activ.éco.': 'cdd',
      'TTI · Insertion par l’activ.éco.': 'interim', 'LIB · Emploi non salarié': 'freelance', 'CDD · Contrat apprentissage': 'alternance',
      'CDD · Cont. professionnalisation': 'alternance',
    })
  })

  it('places offers anywhere in France: arrondissements in their city, a postcode alone, overseas', async () => {
    const communes = new Set((await test.db.selectFrom('offers').select('commune_insee').where('source', '=', 'france-travail').execute()).map((r) => r.commune_insee))
    for (const insee of ['75056', '69123', '13055', '62193', '97411', '2A004', '06152']) expect(communes).toContain(insee)
    expect([...communes].some((c) => c.startsWith('751'))).toBe(false)
  })

  it('makes imported offers searchable and filterable, under the employer’s name or « Entreprise non communiquée »', async () => {
    const engine = new EmbeddedSearchEngine(test.sqlite)
    const all = await engine.searchOffers(offerQuery({ sort: 'date', perPage: 50 }), FIXTURE_NOW)
    expect(all.total).toBe(first.created)
    const names = new Set(all.hits.map((h) => h.company.name))
    expect(names).toContain('Entreprise non communiquée')
    expect([...names].some((n) => n !== 'Entreprise non communiquée')).toBe(true)
    const alternance = await engine.searchOffers(offerQuery({ text: 'développeur', contracts: ['alternance'], sort: 'date' }), FIXTURE_NOW)
    expect(alternance.total).toBeGreaterThan(0)
    expect(alternance.hits.every((h) => h.contractType === 'alternance')).toBe(true)
    const montpellier = await engine.searchOffers(offerQuery({ near: { insee: '34172', radiusKm: 10 }, occupations: ['M1805'], sort: 'date' }), FIXTURE_NOW)
    expect(montpellier.total).toBeGreaterThan(0)
    expect(montpellier.hits.every((h) => h.commune.insee === '34172')).toBe(true)
    // Skills named in the title are required, those of the description appreciated: the skill filter finds them.
    const dataEngineer = (await offerRow('1000001'))!
    const skills = await test.db.selectFrom('offer_skills as os').innerJoin('skills as s', 's.id', 'os.skill_id').select(['s.slug', 'os.required'])
      .where('os.offer_id', '=', dataEngineer.id).orderBy('s.slug').execute()
    expect(skills).toEqual([{ slug: 'python', required: 1 }, { slug: 'sql', required: 1 }])
    const python = await engine.searchOffers(offerQuery({ skills: ['python'], sort: 'date', perPage: 50 }), FIXTURE_NOW)
    expect(python.total).toBeGreaterThan(0)
    expect(python.hits.every((h) => h.skills.includes('Python'))).toBe(true)
    const byEmployer = await engine.searchOffers(offerQuery({ text: 'opale soft', sort: 'relevance' }), FIXTURE_NOW)
    expect(byEmployer.hits[0]?.company.name).toBe('OPALE SOFT')
  })
})

it('links only to http(s) addresses: a javascript: origin falls back to the offer’s France Travail page', async () => {
  const [record] = franceTravailFixture(1, 1, FIXTURE_NOW) as [Record<string, unknown>]
  const report = await importFranceTravail(test.db, [{ ...record, id: 'XSS0001', origineOffre: { urlOrigine: 'javascript:alert(1)' } }], { now: FIXTURE_NOW, complete: false })
  expect(report.created).toBe(1)
  expect((await offerRow('XSS0001'))!.source_url).toBe('https://candidat.francetravail.fr/offres/recherche/detail/XSS0001')
  await test.db.updateTable('offers').set({ status: 'closed' }).where('source_id', '=', 'XSS0001').execute()
})

describe('the same source a day later', () => {
  it('updates changed offers, closes withdrawn ones, creates new ones; they leave search', async () => {
    const revision1 = franceTravailFixture(400, 1)
    const imported = new Set((await test.db.selectFrom('offers').select('source_id').where('source', '=', 'france-travail').execute()).map((r) => r.source_id))
    const withdrawn = revision1.filter((r, i) => withdrawnInRevision2(i) && imported.has(r.id as string)).map((r) => r.id as string)
    const report = await importFranceTravail(test.db, franceTravailFixture(400, 2), { now: FIXTURE_NOW, complete: true })
    expect(withdrawn.length).toBeGreaterThan(10)
    expect(report.closed).toBe(withdrawn.length)
    expect(report.updated).toBeGreaterThan(10)
    expect(report.created).toBeGreaterThan(5)
    for (const id of withdrawn) expect((await offerRow(id))!.status).toBe('closed')
    const changed = (
      await test.db.selectFrom('offers').select(['status', 'source_id']).where('source', '=', 'france-travail').where('description_md', 'like', '%Mise à jour : démarrage%').execute()
    ).filter((r) => imported.has(r.source_id))
    expect(changed.length).toBe(report.updated)
    expect(changed.every((r) => r.status === 'published')).toBe(true)
    const engine = new EmbeddedSearchEngine(test.sqlite)
    const all = await engine.searchOffers(offerQuery({ sort: 'date' }), FIXTURE_NOW)
    expect(all.total).toBe(first.created - withdrawn.length + report.created)
    // Back at the source: the closed offer is published again.
    const again = await importFranceTravail(test.db, franceTravailFixture(400, 1), { now: FIXTURE_NOW, complete: false })
    expect(again.closed).toBe(0)
    expect((await offerRow(withdrawn[0]!))!.status).toBe('published')
  })
})

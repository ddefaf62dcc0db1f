import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DB } from '../connection.ts'
import { migrateToLatest } from '../migrate.ts'
import { skills } from '../reference/skills.ts'
import { JOB_ARCHETYPES } from './archetypes.ts'
import { luhnSum } from '../identifiers.ts'
import { createTestCompany, createTestOffer, seedDemo, seedReferenceData } from './index.ts'

const NOW = new Date('2026-11-20T09:00:00Z')
const SCALE = { companies: 12, offers: 80, now: NOW }

const folder = mkdtempSync(join(tmpdir(), 'passerelle-seed-'))
const opened: DB[] = []

async function seededDatabase(name: string, seed: number): Promise<DB> {
  const { db } = openDatabase(join(folder, `${name}.sqlite`))
  opened.push(db)
  await migrateToLatest(db)
  await seedDemo(db, { ...SCALE, seed })
  return db
}

const offerTitlesAndSlugs = (db: DB) => db.selectFrom('offers').select(['title', 'slug']).orderBy('id').execute()
const count = async (db: DB, query: string) =>
  (await sql<{ n: number }>`select count(*) as n from ${sql.raw(query)}`.execute(db)).rows[0]!.n

let db: DB
beforeAll(async () => {
  db = await seededDatabase('main', 7)
})

afterAll(async () => {
  for (const handle of opened) await handle.destroy()
  rmSync(folder, { recursive: true, force: true })
})

describe('seedReferenceData', () => {
  it('imports Calais in the Calaisis with its postal code', async () => {
    const calais = await db
      .selectFrom('communes')
      .leftJoin('territories', 'territories.id', 'communes.territory_id')
      .select(['communes.name', 'communes.postal_codes', 'communes.latitude', 'territories.slug as territory'])
      .where('communes.insee', '=', '62193')
      .executeTakeFirstOrThrow()
    expect(calais).toMatchObject({ name: 'Calais', territory: 'calaisis' })
    expect(JSON.parse(calais.postal_codes)).toContain('62100')
    expect(calais.latitude).not.toBeNull()
  })

  it('only uses skill slugs of the taxonomy in the job archetypes', () => {
    const slugs = new Set(skills.map((s) => s.slug))
    const used = JOB_ARCHETYPES.flatMap((a) => [...a.required, ...a.niceToHave])
    expect(used.filter((slug) => !slugs.has(slug))).toEqual([])
  })

  it('grows a database made with a smaller taxonomy on its next start, keeping the ids offers point at', async () => {
    const before = await db.selectFrom('skills').select(['id', 'slug']).where('slug', 'in', ['linux', 'sql']).orderBy('slug').execute()
    // As a database of the 48-skill taxonomy had it: no Oracle, no Fortinet spellings.
    await db.deleteFrom('skills').where('slug', 'in', ['oracle', 'fortinet']).execute()
    await db.updateTable('skills').set({ category: 'infra' }).where('slug', '=', 'linux').execute()
    await seedReferenceData(db)
    const oracle = await db.selectFrom('skills').innerJoin('skill_aliases', 'skill_aliases.skill_id', 'skills.id')
      .select('skill_aliases.alias').where('skills.slug', '=', 'oracle').execute()
    expect(oracle.map((r) => r.alias)).toContain('RMAN')
    expect(await db.selectFrom('skills').select('slug').where('slug', '=', 'fortinet').executeTakeFirst()).toBeDefined()
    expect(await db.selectFrom('skills').select(['id', 'slug']).where('slug', 'in', ['linux', 'sql']).orderBy('slug').execute()).toEqual(before)
    expect((await db.selectFrom('skills').select('category').where('slug', '=', 'linux').executeTakeFirstOrThrow()).category).toBe('systemes')
    const { count } = await db.selectFrom('skills').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()
    expect(count).toBe(skills.length)
  })
})

describe('seedDemo', () => {
  it('gives the same offers for the same seed, and others for another seed', async () => {
    const again = await seededDatabase('same-seed', 7)
    const other = await seededDatabase('other-seed', 8)
    const offers = await offerTitlesAndSlugs(db)
    expect(offers).toHaveLength(80)
    expect(await offerTitlesAndSlugs(again)).toEqual(offers)
    expect(await offerTitlesAndSlugs(other)).not.toEqual(offers)
  })

  it('places companies in all four territories', async () => {
    const territories = await db
      .selectFrom('companies')
      .innerJoin('communes', 'communes.insee', 'companies.commune_insee')
      .innerJoin('territories', 'territories.id', 'communes.territory_id')
      .select('territories.slug')
      .distinct()
      .execute()
    expect(territories.map((t) => t.slug).sort()).toEqual(['boulonnais', 'calaisis', 'dunkerquois', 'montreuillois'])
  })

  it('places every company and offer in a commune with coordinates', async () => {
    expect(await count(db, `companies join communes c on c.insee = companies.commune_insee where c.latitude is null`)).toBe(0)
    expect(await count(db, `offers join communes c on c.insee = offers.commune_insee where c.latitude is null`)).toBe(0)
  })

  it('writes rows whose foreign keys all resolve', async () => {
    const { rows } = await sql`pragma foreign_key_check`.execute(db)
    expect(rows).toEqual([])
    expect(await count(db, 'offers')).toBe(80)
    expect(await count(db, 'offer_skills')).toBeGreaterThanOrEqual(80 * 2)
  })

  it('gives companies valid SIRENs and offers consistent dates', async () => {
    const sirens = await db.selectFrom('companies').select('siren').where('siren', 'is not', null).execute()
    for (const { siren } of sirens) expect(luhnSum(siren!) % 10).toBe(0)
    const now = NOW.toISOString()
    expect(await count(db, `offers where created_at > updated_at or updated_at > '${now}' or published_at > '${now}'`)).toBe(0)
    expect(await count(db, `offers where published_at is not null and expires_at <= published_at`)).toBe(0)
  })

  it('indexes exactly the published offers', async () => {
    expect(await count(db, 'offers_fts')).toBe(await count(db, `offers where status = 'published'`))
  })
})

describe('test factories', () => {
  it('creates a searchable offer with its skills', async () => {
    const company = await createTestCompany(db, { name: 'Phare Labs' })
    const offer = await createTestOffer(db, {
      companyId: company.id,
      title: 'Développeur·se Rust',
      skills: [{ slug: 'rust', required: true }],
    })
    expect(offer).toMatchObject({ status: 'published', commune_insee: '62193', company_id: company.id })
    const { rows } = await sql<{ rowid: number }>`select rowid from offers_fts where offers_fts match 'rust'`.execute(db)
    expect(rows.map((r) => r.rowid)).toContain(offer.id)
  })
})

import type { Transaction } from 'kysely'
import { rebuildOfferIndex } from '#search/embedded/offer-index.ts'
import type { DB } from '../connection.ts'
import type { Database, NewCompany, NewOffer } from '../schema.ts'
import { generateCompanies, generateOffers } from './generate.ts'
import { nextId } from './next-id.ts'
import { Random } from './random.ts'
import { seedReferenceData } from './reference.ts'
import { activeRegionDefinition, demoCommunes } from './region.ts'

export {
  createTestApplication,
  createTestCandidate,
  createTestCompany,
  createTestOffer,
  type TestCandidateInput,
  type TestOfferInput,
} from './factories.ts'
export { seedReferenceData } from './reference.ts'

/** What `npm run db:setup` puts in an empty database: a believable board for one cluster. */
export const DEMO_SCALE = { companies: 48, offers: 360 } as const

export type SeedDemoOptions = {
  companies: number
  offers: number
  /** Same seed, same rows. */
  seed?: number
  /** Dates are spread before and after this instant; tests and benchmarks pin it. */
  now?: Date
  /** false leaves the search index to the caller, e.g. a benchmark that times the build on its own. */
  index?: boolean
  /** Titles, skills and phrases drawn from the ROME referential (db/reference/data), for benchmarks at national scale. */
  wideVocabulary?: boolean
}

/**
 * Generates and inserts companies, offers and their skills in one transaction,
 * then rebuilds the search index (unless `index: false`). Adds to whatever the
 * database already holds.
 */
export async function seedDemo(db: DB, options: SeedDemoOptions): Promise<{ companies: number; offers: number }> {
  const { seed = 42, now = new Date() } = options
  await seedReferenceData(db)
  const region = await activeRegionDefinition(db)
  const communes = await demoCommunes(db, region)
  const cluster =
    (await db
      .selectFrom('clusters as c')
      .innerJoin('regions as r', 'r.id', 'c.region_id')
      .select(['c.id', 'c.name'])
      .where('r.active', '=', 1)
      .orderBy('c.id')
      .executeTakeFirst()) ?? null
  const skillIds = new Map((await db.selectFrom('skills').select(['id', 'slug']).execute()).map((s) => [s.slug, s.id]))

  const rng = new Random(seed)
  const companyRows = generateCompanies(rng, options.companies, communes, { now, cluster, region: region.demo })

  await db.transaction().execute(async (trx) => {
    // Explicit ids, so offers can point at their company without reading rows back.
    const firstCompanyId = await nextId(trx, 'companies')
    const companies = companyRows.map((company, i) => ({ ...company, id: firstCompanyId + i }))
    await insertCompanies(trx, companies)

    const generated = generateOffers(rng, options.offers, companies, now, communes, region.demo, { wideVocabulary: options.wideVocabulary ?? false })
    const firstOfferId = await nextId(trx, 'offers')
    await insertOffers(trx, generated.map(({ offer }, i) => ({ ...offer, id: firstOfferId + i })))
    const offerSkills = generated.flatMap(({ skills }, i) =>
      skills.map(({ slug, required }) => {
        const skillId = skillIds.get(slug)
        if (skillId === undefined) throw new Error(`Skill "${slug}" is missing from the skills table`)
        return { offer_id: firstOfferId + i, skill_id: skillId, required: required ? 1 : 0 }
      }),
    )
    for (const batch of chunks(offerSkills, 3000)) await trx.insertInto('offer_skills').values(batch).execute()
  })

  if (options.index !== false) await rebuildOfferIndex(db)
  return { companies: options.companies, offers: options.offers }
}

// Batches stay well under SQLite's 32,766 bound parameters per statement.
async function insertCompanies(trx: Transaction<Database>, rows: NewCompany[]): Promise<void> {
  for (const batch of chunks(rows, 500)) await trx.insertInto('companies').values(batch).execute()
}

async function insertOffers(trx: Transaction<Database>, rows: NewOffer[]): Promise<void> {
  for (const batch of chunks(rows, 500)) await trx.insertInto('offers').values(batch).execute()
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size)
}

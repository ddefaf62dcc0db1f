import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
// saved_offers' primary key is (user_id, offer_id): nothing found an offer's saves, so every offer written or
// removed (an import batch, a deletion cascading to its saves) had SQLite's foreign-key check scan the whole table.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('saved_offers_offer').on('saved_offers').column('offer_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists saved_offers_offer`.execute(db)
}

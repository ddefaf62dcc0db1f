import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
// Where an offer comes from (decision 012): typed on Passerelle ('manual'), or imported.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('offers')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual').check(sql`source in ('manual', 'france-travail', 'jsonld')`))
    .execute()
  // The offer's id at its source, its page there, and the source's own dates (ISO 8601).
  await db.schema.alterTable('offers').addColumn('source_id', 'text').execute()
  await db.schema.alterTable('offers').addColumn('source_url', 'text').execute()
  await db.schema.alterTable('offers').addColumn('source_created_at', 'text').execute()
  await db.schema.alterTable('offers').addColumn('source_updated_at', 'text').execute()
  // A hash of what was imported, so an unchanged offer is not rewritten (nor reindexed).
  await db.schema.alterTable('offers').addColumn('source_hash', 'text').execute()
  // The source's own contract code (CDI, CDD, MIS, SAI, FRA…) before it was mapped to contract_type.
  await db.schema.alterTable('offers').addColumn('source_contract', 'text').execute()
  // The employer as the source names it, when the offer is held by a placeholder company;
  // null there means "Entreprise non communiquée". Sector and size as the source words them.
  await db.schema.alterTable('offers').addColumn('employer_name', 'text').execute()
  await db.schema.alterTable('offers').addColumn('employer_sector', 'text').execute()
  await db.schema.alterTable('offers').addColumn('employer_size', 'text').execute()
  // Exact amounts in cents (salary_min/max keep whole euros for the filters); text when unparseable.
  await db.schema.alterTable('offers').addColumn('salary_min_cents', 'integer').execute()
  await db.schema.alterTable('offers').addColumn('salary_max_cents', 'integer').execute()
  await db.schema.alterTable('offers').addColumn('salary_text', 'text').execute()
  // 0 when the source does not say whether remote work is possible ("non précisé").
  await db.schema.alterTable('offers').addColumn('remote_stated', 'integer', (c) => c.notNull().defaultTo(1)).execute()
  // What real offers carry: working time, number of posts, qualification, and JSON arrays of
  // education ({label, required}), languages ({label, required}) and driving licences ({label, required}).
  await db.schema.alterTable('offers').addColumn('working_time', 'text').execute()
  await db.schema.alterTable('offers').addColumn('positions', 'integer').execute()
  await db.schema.alterTable('offers').addColumn('qualification', 'text').execute()
  await db.schema.alterTable('offers').addColumn('education_json', 'text').execute()
  await db.schema.alterTable('offers').addColumn('languages_json', 'text').execute()
  await db.schema.alterTable('offers').addColumn('licences_json', 'text').execute()
  await sql`create unique index offers_source_id on offers (source, source_id) where source_id is not null`.execute(db)

  // A placeholder company holds a source's offers whose employer has no page here; never listed, no members.
  await db.schema.alterTable('companies').addColumn('placeholder_source', 'text').execute()
  await sql`create unique index companies_placeholder_source on companies (placeholder_source) where placeholder_source is not null`.execute(db)

  // Career pages whose JobPosting JSON-LD a company imports, refreshed daily.
  await db.schema
    .createTable('offer_feeds')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_run_at', 'text')
    .addColumn('last_report', 'text')
    .addUniqueConstraint('offer_feeds_company_url', ['company_id', 'url'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists offer_feeds`.execute(db)
  await sql`drop index if exists companies_placeholder_source`.execute(db)
  await db.schema.alterTable('companies').dropColumn('placeholder_source').execute()
  await sql`drop index if exists offers_source_id`.execute(db)
  for (const column of ['licences_json', 'languages_json', 'education_json', 'qualification', 'positions', 'working_time',
    'remote_stated', 'salary_text', 'salary_max_cents', 'salary_min_cents', 'employer_size', 'employer_sector',
    'employer_name', 'source_contract', 'source_hash', 'source_updated_at', 'source_created_at', 'source_url',
    'source_id', 'source']) {
    await db.schema.alterTable('offers').dropColumn(column).execute()
  }
}

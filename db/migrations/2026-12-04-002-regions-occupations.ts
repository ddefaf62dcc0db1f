import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // A database serves one region (REGION); others may stay listed from an earlier configuration.
  await db.schema.alterTable('regions').addColumn('active', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  // The commune's EPCI (intercommunalité), from the official list: territories are groups of them.
  await db.schema.alterTable('communes').addColumn('epci', 'text').execute()
  await db.schema.createIndex('communes_department').on('communes').column('department').execute()

  // ROME 4.0 occupations (France Travail) of the digital families, their job titles and mobility links.
  await db.schema
    .createTable('occupations')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('occupation_appellations')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('occupation_code', 'text', (c) => c.notNull().references('occupations.code').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('occupation_appellations_code').on('occupation_appellations').column('occupation_code').execute()
  await db.schema
    .createTable('occupation_mobility')
    .addColumn('from_code', 'text', (c) => c.notNull().references('occupations.code').onDelete('cascade'))
    .addColumn('to_code', 'text', (c) => c.notNull().references('occupations.code').onDelete('cascade'))
    .addPrimaryKeyConstraint('occupation_mobility_pk', ['from_code', 'to_code'])
    .execute()

  // The ROME code of the job an offer is for (null until chosen or suggested).
  await db.schema.alterTable('offers').addColumn('occupation', 'text').execute()
  await db.schema.createIndex('offers_occupation').on('offers').column('occupation').execute()

  // The occupations a candidate aims for.
  await db.schema
    .createTable('candidate_occupations')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('candidate_profiles.user_id').onDelete('cascade'))
    .addColumn('occupation_code', 'text', (c) => c.notNull().references('occupations.code'))
    .addPrimaryKeyConstraint('candidate_occupations_pk', ['user_id', 'occupation_code'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists candidate_occupations`.execute(db)
  await sql`drop index if exists offers_occupation`.execute(db)
  await db.schema.alterTable('offers').dropColumn('occupation').execute()
  await sql`drop table if exists occupation_mobility`.execute(db)
  await sql`drop table if exists occupation_appellations`.execute(db)
  await sql`drop table if exists occupations`.execute(db)
  await sql`drop index if exists communes_department`.execute(db)
  await db.schema.alterTable('communes').dropColumn('epci').execute()
  await db.schema.alterTable('regions').dropColumn('active').execute()
}

import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // What a profile tells matching (decision 014): mobile anywhere in France, the contracts excluded outright,
  // the diploma's speciality, the internship length looked for.
  await db.schema.alterTable('candidate_profiles').addColumn('mobile_anywhere', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('candidate_profiles').addColumn('excluded_contract_types', 'text', (c) => c.notNull().defaultTo('[]')).execute()
  await db.schema.alterTable('candidate_profiles').addColumn('diploma_speciality', 'text', (c) => c.notNull().defaultTo('')).execute()
  await db.schema.alterTable('candidate_profiles').addColumn('internship_months', 'integer').execute()

  // Dated experience: internships, work-study contracts and jobs, by month (YYYY-MM); no end = ongoing.
  await db.schema
    .createTable('candidate_experiences')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('candidate_profiles.user_id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('internship', 'apprenticeship', 'job')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_month', 'text', (c) => c.notNull())
    .addColumn('end_month', 'text')
    .execute()
  await db.schema.createIndex('candidate_experiences_user').on('candidate_experiences').column('user_id').execute()
  // "Candidates for this offer" finds those aiming for its occupation or a neighbour of it.
  await db.schema.createIndex('candidate_occupations_code').on('candidate_occupations').column('occupation_code').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists candidate_occupations_code`.execute(db)
  await sql`drop table if exists candidate_experiences`.execute(db)
  for (const column of ['internship_months', 'diploma_speciality', 'excluded_contract_types', 'mobile_anywhere']) {
    await db.schema.alterTable('candidate_profiles').dropColumn(column).execute()
  }
}

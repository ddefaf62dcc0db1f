import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Profiles of consenting candidates, for retrieval ("candidates for this offer").
  // Contentless like offers_fts: the engine writes the prepared text in the profile's transaction.
  await sql`create virtual table profiles_fts using fts5(
    skills, training, bio,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db)

  // A recruiter asks to contact a candidate found by matching; details stay hidden until accepted.
  await db.schema
    .createTable('contact_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('offer_id', 'integer', (c) => c.references('offers.id').onDelete('set null'))
    .addColumn('requested_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'accepted', 'declined')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addUniqueConstraint('contact_requests_once', ['company_id', 'candidate_id'])
    .execute()
  await db.schema.createIndex('contact_requests_candidate').on('contact_requests').column('candidate_id').execute()

  await db.schema
    .createTable('forums')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organiser_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('cluster_id', 'integer', (c) => c.references('clusters.id'))
    // Local date and times of the venue (Europe/Paris): YYYY-MM-DD and HH:MM.
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('commune_insee', 'text', (c) => c.notNull().references('communes.insee'))
    .addColumn('venue', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('slot_minutes', 'integer', (c) => c.notNull().check(sql`slot_minutes between 5 and 120`))
    .addColumn('tables_per_company', 'integer', (c) => c.notNull().check(sql`tables_per_company between 1 and 20`))
    .addColumn('max_interviews_per_candidate', 'integer', (c) =>
      c.notNull().check(sql`max_interviews_per_candidate between 1 and 50`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'open', 'closed')`))
    /** JSON summary of the last schedule run: wishes met, upper bound, score, timings. */
    .addColumn('schedule_summary', 'text', (c) => c.check(sql`schedule_summary is null or json_valid(schedule_summary)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('forum_companies')
    .addColumn('forum_id', 'integer', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('invited', 'accepted', 'declined')`))
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addPrimaryKeyConstraint('forum_companies_pk', ['forum_id', 'company_id'])
    .execute()
  await db.schema.createIndex('forum_companies_company').on('forum_companies').column('company_id').execute()

  // The offers a company brings to the forum.
  await db.schema
    .createTable('forum_offers')
    .addColumn('forum_id', 'integer', (c) => c.notNull())
    .addColumn('company_id', 'integer', (c) => c.notNull())
    .addColumn('offer_id', 'integer', (c) => c.notNull().references('offers.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('forum_offers_pk', ['forum_id', 'offer_id'])
    .addForeignKeyConstraint('forum_offers_company', ['forum_id', 'company_id'], 'forum_companies', ['forum_id', 'company_id'],
      (fk) => fk.onDelete('cascade'))
    .execute()

  // consent_at: the candidate agreed to be shown to the forum's companies. Self-registration sets it;
  // a school's import leaves it null until the candidate confirms from the e-mail they receive.
  await db.schema
    .createTable('forum_candidates')
    .addColumn('forum_id', 'integer', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('self', 'import')`))
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('consent_at', 'text')
    .addPrimaryKeyConstraint('forum_candidates_pk', ['forum_id', 'candidate_id'])
    .execute()
  await db.schema.createIndex('forum_candidates_candidate').on('forum_candidates').column('candidate_id').execute()

  // Who wants to meet whom; `by` says which side asked.
  await db.schema
    .createTable('forum_wishes')
    .addColumn('forum_id', 'integer', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('by', 'text', (c) => c.notNull().check(sql`by in ('company', 'candidate')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('forum_wishes_pk', ['forum_id', 'company_id', 'candidate_id', 'by'])
    .execute()

  // The schedule: one row per interview; the unique keys forbid any double booking.
  await db.schema
    .createTable('forum_interviews')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('forum_id', 'integer', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('offer_id', 'integer', (c) => c.references('offers.id').onDelete('set null'))
    .addColumn('table_no', 'integer', (c) => c.notNull().check(sql`table_no >= 1`))
    .addColumn('slot_no', 'integer', (c) => c.notNull().check(sql`slot_no >= 0`))
    .addColumn('score', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0).check(sql`pinned in (0, 1)`))
    // Recruiters mark the outcome after the forum.
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome is null or outcome in ('hired', 'not_hired')`))
    .addUniqueConstraint('forum_interviews_table_slot', ['forum_id', 'company_id', 'table_no', 'slot_no'])
    .addUniqueConstraint('forum_interviews_candidate_slot', ['forum_id', 'candidate_id', 'slot_no'])
    .addUniqueConstraint('forum_interviews_pair', ['forum_id', 'company_id', 'candidate_id'])
    .execute()

  // Every export of candidate data is logged: who, when, which forum, what.
  await db.schema
    .createTable('export_log')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('forum_id', 'integer', (c) => c.references('forums.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('csv', 'xlsx', 'print', 'pdf')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['export_log', 'forum_interviews', 'forum_wishes', 'forum_candidates', 'forum_offers',
    'forum_companies', 'forums', 'contact_requests', 'profiles_fts']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db)
  }
}

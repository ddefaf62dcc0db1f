import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Files (logos, CVs) live outside public/ under random names; the rows keep the name.
  await db.schema.alterTable('companies').addColumn('logo_file', 'text').execute()
  await db.schema.alterTable('companies').addColumn('logo_mime', 'text').execute()
  // Why an admin sent the offer back to draft; cleared when it is published.
  await db.schema.alterTable('offers').addColumn('moderation_note', 'text').execute()
  // The inactivity purge warns 30 days ahead; any activity clears this.
  await db.schema.alterTable('users').addColumn('inactivity_warned_at', 'text').execute()

  await db.schema
    .createTable('company_invitations')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    // Only the SHA-256 of the token sent by e-mail.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute()
  await db.schema.createIndex('company_invitations_company').on('company_invitations').column('company_id').execute()

  await db.schema
    .createTable('candidate_profiles')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('school', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('programme', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('degree_level', 'text', (c) =>
      c.check(sql`degree_level is null or degree_level in ('bac', 'bac2', 'bac3', 'bac5', 'bac8')`),
    )
    .addColumn('graduation_year', 'integer')
    .addColumn('commune_insee', 'text', (c) => c.references('communes.insee'))
    .addColumn('mobility_km', 'integer', (c) => c.notNull().defaultTo(30).check(sql`mobility_km between 0 and 500`))
    .addColumn('remote_preference', 'text', (c) =>
      c.notNull().defaultTo('any').check(sql`remote_preference in ('on_site', 'hybrid', 'full_remote', 'any')`),
    )
    // JSON arrays: small closed lists read and written whole with the profile.
    .addColumn('contract_types', 'text', (c) => c.notNull().defaultTo('[]').check(sql`json_valid(contract_types)`))
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]').check(sql`json_valid(links)`))
    .addColumn('available_from', 'text')
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    // Private until the candidate consents; consent_at records when.
    .addColumn('visibility', 'text', (c) =>
      c.notNull().defaultTo('private').check(sql`visibility in ('private', 'verified_recruiters')`),
    )
    .addColumn('consent_at', 'text')
    .addColumn('cv_file', 'text')
    .addColumn('cv_name', 'text')
    .addColumn('cv_size', 'integer')
    .addColumn('cv_uploaded_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('candidate_skills')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('candidate_profiles.user_id').onDelete('cascade'))
    .addColumn('skill_id', 'integer', (c) => c.notNull().references('skills.id'))
    .addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 1 and 4`))
    .addPrimaryKeyConstraint('candidate_skills_pk', ['user_id', 'skill_id'])
    .execute()
  await db.schema.createIndex('candidate_skills_skill').on('candidate_skills').column('skill_id').execute()

  await db.schema
    .createTable('candidate_languages')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('candidate_profiles.user_id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('a1', 'a2', 'b1', 'b2', 'c1', 'c2', 'native')`),
    )
    .addPrimaryKeyConstraint('candidate_languages_pk', ['user_id', 'language'])
    .execute()

  // candidate_id becomes null when the candidate deletes their account: the
  // company keeps the fact that someone applied, never who.
  await db.schema
    .createTable('applications')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('offer_id', 'integer', (c) => c.notNull().references('offers.id').onDelete('cascade'))
    .addColumn('candidate_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('stage', 'text', (c) =>
      c.notNull().check(sql`stage in ('new', 'reviewed', 'interview', 'offer', 'hired', 'rejected')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('stage_changed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('applications_once_per_offer', ['offer_id', 'candidate_id'])
    .execute()
  await db.schema.createIndex('applications_candidate').on('applications').column('candidate_id').execute()

  await db.schema
    .createTable('application_notes')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('application_notes_application').on('application_notes').column('application_id').execute()

  await db.schema
    .createTable('offer_reports')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('offer_id', 'integer', (c) => c.notNull().references('offers.id').onDelete('cascade'))
    .addColumn('reporter_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`reason in ('fraud', 'discrimination', 'outdated', 'inaccurate', 'other')`),
    )
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute()
  await db.schema.createIndex('offer_reports_open').on('offer_reports').columns(['resolved_at', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['offer_reports', 'application_notes', 'applications', 'candidate_languages', 'candidate_skills',
    'candidate_profiles', 'company_invitations']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db)
  }
  await db.schema.alterTable('users').dropColumn('inactivity_warned_at').execute()
  await db.schema.alterTable('offers').dropColumn('moderation_note').execute()
  await db.schema.alterTable('companies').dropColumn('logo_mime').execute()
  await db.schema.alterTable('companies').dropColumn('logo_file').execute()
}

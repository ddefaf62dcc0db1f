import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('territories')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('communes')
    .addColumn('insee', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('postal_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('population', 'integer')
    .addColumn('territory_id', 'integer', (c) => c.references('territories.id'))
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .execute()
  await db.schema.createIndex('communes_territory').on('communes').column('territory_id').execute()

  await db.schema
    .createTable('clusters')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('companies')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('siren', 'text', (c) => c.check(sql`siren is null or (length(siren) = 9 and siren not glob '*[^0-9]*')`))
    .addColumn('naf_code', 'text', (c) => c.notNull())
    .addColumn('size_band', 'text', (c) => c.notNull().check(sql`size_band in ('1-9', '10-49', '50-249', '250+')`))
    .addColumn('cluster_id', 'integer', (c) => c.references('clusters.id'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text')
    .addColumn('commune_insee', 'text', (c) => c.notNull().references('communes.insee'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('skills')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('skill_aliases')
    .addColumn('alias', 'text', (c) => c.primaryKey())
    .addColumn('skill_id', 'integer', (c) => c.notNull().references('skills.id').onDelete('cascade'))
    .execute()
  await db.schema.createIndex('skill_aliases_skill').on('skill_aliases').column('skill_id').execute()

  await db.schema
    .createTable('offers')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description_md', 'text', (c) => c.notNull())
    .addColumn('commune_insee', 'text', (c) => c.notNull().references('communes.insee'))
    .addColumn('remote_policy', 'text', (c) =>
      c.notNull().check(sql`remote_policy in ('on_site', 'hybrid', 'full_remote')`),
    )
    .addColumn('contract_type', 'text', (c) =>
      c.notNull().check(sql`contract_type in ('cdi', 'cdd', 'alternance', 'stage', 'freelance', 'interim')`),
    )
    .addColumn('experience_level', 'text', (c) =>
      c.notNull().check(sql`experience_level in ('entry', 'junior', 'confirmed', 'senior')`),
    )
    .addColumn('salary_min', 'integer', (c) => c.check(sql`salary_min is null or salary_min >= 0`))
    .addColumn('salary_max', 'integer')
    .addColumn('salary_period', 'text', (c) =>
      c.check(sql`salary_period is null or salary_period in ('year', 'month', 'day', 'hour')`),
    )
    .addColumn('start_date', 'text')
    .addColumn('published_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'pending', 'published', 'closed', 'expired')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('offers_salary_range', sql`salary_max is null or salary_min is null or salary_max >= salary_min`)
    .execute()
  await db.schema.createIndex('offers_company').on('offers').column('company_id').execute()
  await db.schema.createIndex('offers_status_published').on('offers').columns(['status', 'published_at']).execute()

  await db.schema
    .createTable('offer_skills')
    .addColumn('offer_id', 'integer', (c) => c.notNull().references('offers.id').onDelete('cascade'))
    .addColumn('skill_id', 'integer', (c) => c.notNull().references('skills.id'))
    .addColumn('required', 'integer', (c) => c.notNull().check(sql`required in (0, 1)`))
    .addPrimaryKeyConstraint('offer_skills_pk', ['offer_id', 'skill_id'])
    .execute()
  await db.schema.createIndex('offer_skills_skill').on('offer_skills').column('skill_id').execute()

  // Embedded search engine. Contentless: the text lives in `offers`; the index
  // holds only what the engine prepared (accents folded, skill spellings unified).
  // Prefix indexes for 2 and 3 letters: live search sends short prefixes.
  await sql`create virtual table offers_fts using fts5(
    title, skills, company, description,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
  )`.execute(db)
  await sql`create virtual table offers_fts_vocab using fts5vocab(offers_fts, 'row')`.execute(db)

  await db.schema
    .createTable('search_outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['search_outbox', 'offers_fts_vocab', 'offers_fts', 'offer_skills', 'offers', 'skill_aliases',
    'skills', 'companies', 'clusters', 'communes', 'territories', 'regions']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db)
  }
}

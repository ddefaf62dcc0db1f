import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '#db/schema.ts'
import { indexableText, tokenize } from '../text.ts'

type Executor = Kysely<Database> | Transaction<Database>

type IndexSource = {
  id: number
  title: string
  description_md: string
  company: string
  skills: string | null
}

/**
 * Every spelling of each skill, assembled once per query rather than once per
 * offer. Spellings are separated by SPELLING_SEPARATOR, which every tokenizer
 * reads as a separator, so that the in-memory ranking (offer-store.ts) and
 * Meilisearch's documents can keep a spelling of several words as one.
 */
export const SPELLING_SEPARATOR = '|'
export const SKILL_TEXT_CTE = `with skill_text as materialized (
    select s.id, s.name || ' ${SPELLING_SEPARATOR} ' || coalesce(group_concat(a.alias, ' ${SPELLING_SEPARATOR} '), '') as text
    from skills s left join skill_aliases a on a.skill_id = s.id group by s.id
  )`

/**
 * The skill spellings of an offer (SKILL_TEXT_CTE's text, several skills
 * joined by the separator too), each as one word: "Amazon Web Services" is
 * "amazonwebservices", which the query "amazon web services" (or "aws")
 * matches, but not "web" alone.
 */
export function skillSpellingWords(skillText: string | null): string[] {
  if (!skillText) return []
  return skillText.split(SPELLING_SEPARATOR).map((spelling) => tokenize(spelling).join('')).filter(Boolean)
}

// Every spelling of every skill of the offer goes into the `skills` column. `+o.status`: offers asked for by id are
// read by id, never through the status index (every published offer).
const sourceQuery = (where: ReturnType<typeof sql>) => sql<IndexSource>`
  ${sql.raw(SKILL_TEXT_CTE)}
  select o.id, o.title, o.description_md, coalesce(o.employer_name, c.name) as company,
    (select group_concat(st.text, ${sql.lit(` ${SPELLING_SEPARATOR} `)}) from offer_skills os join skill_text st on st.id = os.skill_id
      where os.offer_id = o.id) as skills
  from offers o join companies c on c.id = o.company_id
  where +o.status = 'published' and ${where}`

function toRow(source: IndexSource) {
  return [
    source.id,
    indexableText(source.title),
    indexableText(source.skills ?? ''),
    indexableText(source.company),
    indexableText(source.description_md),
  ] as const
}

/**
 * Brings the search index up to date for one offer. Call it inside the
 * transaction that changed the offer (or its company or skills): the index
 * and the outbox then commit or roll back with the change itself.
 */
export async function indexOffer(trx: Executor, offerId: number): Promise<void> {
  await sql`delete from offers_fts where rowid = ${offerId}`.execute(trx)
  const { rows } = await sourceQuery(sql`o.id = ${offerId}`).execute(trx)
  const row = rows[0]
  if (row) {
    const [id, title, skills, company, description] = toRow(row)
    await sql`insert into offers_fts (rowid, title, skills, company, description)
      values (${id}, ${title}, ${skills}, ${company}, ${description})`.execute(trx)
  }
  await trx
    .insertInto('search_outbox')
    .values({ doc_type: 'offer', doc_id: offerId, created_at: new Date().toISOString() })
    .execute()
}

/**
 * indexOffer for many offers at once (an importer's batch): one pass of the skill text
 * instead of one per offer. Same rule: call it inside the transaction that wrote them.
 */
export async function indexOffers(trx: Executor, offerIds: readonly number[]): Promise<void> {
  if (offerIds.length === 0) return
  const ids = JSON.stringify(offerIds)
  await sql`delete from offers_fts where rowid in (select value from json_each(${ids}))`.execute(trx)
  const { rows } = await sourceQuery(sql`o.id in (select value from json_each(${ids}))`).execute(trx)
  if (rows.length) {
    const values = rows.map((row) => sql`(${sql.join(toRow(row))})`)
    await sql`insert into offers_fts (rowid, title, skills, company, description) values ${sql.join(values)}`.execute(trx)
  }
  const at = new Date().toISOString()
  await trx.insertInto('search_outbox').values(offerIds.map((id) => ({ doc_type: 'offer', doc_id: id, created_at: at }))).execute()
}

/** Rebuilds the whole offer index from the offers table, in one transaction. */
export async function rebuildOfferIndex(db: Kysely<Database>): Promise<{ indexed: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`delete from offers_fts`.execute(trx)
    const { rows } = await sourceQuery(sql`1 = 1`).execute(trx)
    const BATCH = 200
    for (let start = 0; start < rows.length; start += BATCH) {
      const values = rows.slice(start, start + BATCH).map((row) => sql`(${sql.join(toRow(row))})`)
      await sql`insert into offers_fts (rowid, title, skills, company, description) values ${sql.join(values)}`.execute(trx)
    }
    // The batches leave a few dozen segments; merged into one, every match reads one list per word
    // instead of one per segment ("chef de projet" 13 -> 8 ms, "linux" 4.3 -> 2.6 ms at 100k; ~10 s more here).
    await sql`insert into offers_fts (offers_fts) values ('optimize')`.execute(trx)
    // One marker so every running engine reloads its attributes.
    await trx.insertInto('search_outbox').values({ doc_type: 'offer', doc_id: 0, created_at: new Date().toISOString() }).execute()
    return { indexed: rows.length }
  })
}

import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '#db/schema.ts'
import { indexableText } from '../text.ts'
import { SKILL_TEXT_CTE } from './offer-index.ts'

type Executor = Kysely<Database> | Transaction<Database>

type ProfileSource = { user_id: number; skills: string | null; training: string; bio: string }

// Only consenting profiles: a private profile must never be found by a recruiter.
const sourceQuery = (where: ReturnType<typeof sql>) => sql<ProfileSource>`
  ${sql.raw(SKILL_TEXT_CTE)}
  select p.user_id, p.programme || ' ' || p.school as training, p.bio,
    (select group_concat(st.text, ' ') from candidate_skills cs join skill_text st on st.id = cs.skill_id
      where cs.user_id = p.user_id) as skills
  from candidate_profiles p
  where p.visibility = 'verified_recruiters' and ${where}`

const toRow = (s: ProfileSource) =>
  [s.user_id, indexableText(s.skills ?? ''), indexableText(s.training), indexableText(s.bio)] as const

/**
 * Brings the profile index up to date for one candidate: the row is written
 * when the profile is visible to recruiters and deleted otherwise (consent
 * withdrawn, account deleted). Call it in the transaction that changed the
 * profile, so index and outbox commit or roll back with the change.
 */
export async function indexProfile(trx: Executor, userId: number): Promise<void> {
  await sql`delete from profiles_fts where rowid = ${userId}`.execute(trx)
  const { rows } = await sourceQuery(sql`p.user_id = ${userId}`).execute(trx)
  const row = rows[0]
  if (row) {
    const [id, skills, training, bio] = toRow(row)
    await sql`insert into profiles_fts (rowid, skills, training, bio) values (${id}, ${skills}, ${training}, ${bio})`.execute(trx)
  }
  await trx.insertInto('search_outbox').values({ doc_type: 'profile', doc_id: userId, created_at: new Date().toISOString() }).execute()
}

/** Rebuilds the whole profile index, in one transaction (seed, maintenance). */
export async function rebuildProfileIndex(db: Kysely<Database>): Promise<{ indexed: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`delete from profiles_fts`.execute(trx)
    const { rows } = await sourceQuery(sql`1 = 1`).execute(trx)
    const BATCH = 200
    for (let start = 0; start < rows.length; start += BATCH) {
      const values = rows.slice(start, start + BATCH).map((row) => sql`(${sql.join(toRow(row))})`)
      await sql`insert into profiles_fts (rowid, skills, training, bio) values ${sql.join(values)}`.execute(trx)
    }
    await trx.insertInto('search_outbox').values({ doc_type: 'profile', doc_id: 0, created_at: new Date().toISOString() }).execute()
    return { indexed: rows.length }
  })
}

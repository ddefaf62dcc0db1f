import type { DB } from '../connection.ts'
import { OCCUPATIONS } from '../reference/occupations.ts'

/** ROME occupations, their job titles and mobility links (db/reference/data/rome-occupations.json); written once. */
export async function seedOccupations(db: DB): Promise<void> {
  const existing = await db.selectFrom('occupations').select('code').limit(1).executeTakeFirst()
  if (existing) return
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('occupations').values(OCCUPATIONS.map((o) => ({ code: o.code, label: o.label }))).execute()
    const titles = OCCUPATIONS.flatMap((o) => o.appellations.map((a) => ({ id: a.id, occupation_code: o.code, label: a.label })))
    for (let start = 0; start < titles.length; start += 300) {
      await trx.insertInto('occupation_appellations').values(titles.slice(start, start + 300)).execute()
    }
    const links = OCCUPATIONS.flatMap((o) => o.mobility.map((to) => ({ from_code: o.code, to_code: to })))
    for (let start = 0; start < links.length; start += 300) {
      await trx.insertInto('occupation_mobility').values(links.slice(start, start + 300)).execute()
    }
  })
}

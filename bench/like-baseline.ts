import type SQLite from 'better-sqlite3'
import { distanceKm } from '#search/geo.ts'
import { fold } from '#search/text.ts'
import type { OfferQuery } from '#search/types.ts'

/**
 * The naive way: every word as `LIKE '%word%'` over title and description,
 * filters in SQL, a count and one page. No typos, synonyms or facets, so it
 * does less than the engine; it is the baseline the engine must beat.
 */
export function likeSearch(sqlite: SQLite.Database, query: OfferQuery, now: Date): { total: number; ids: number[] } {
  const where: string[] = ["o.status = 'published'", 'o.published_at <= ?', '(o.expires_at is null or o.expires_at > ?)']
  const params: unknown[] = [now.toISOString(), now.toISOString()]
  for (const word of fold(query.text).split(/\s+/).filter(Boolean)) {
    where.push('(o.title like ? or o.description_md like ?)')
    params.push(`%${word}%`, `%${word}%`)
  }
  const inList = (column: string, values: string[]) => {
    if (values.length === 0) return
    where.push(`${column} in (${values.map(() => '?').join(', ')})`)
    params.push(...values)
  }
  inList('o.contract_type', query.contracts)
  inList('o.remote_policy', query.remote)
  inList('o.experience_level', query.experience)
  inList('t.slug', query.territories)
  for (const skill of query.skills) {
    where.push('exists (select 1 from offer_skills os join skills s on s.id = os.skill_id where os.offer_id = o.id and s.slug = ?)')
    params.push(skill)
  }
  if (query.salaryMin !== null) {
    where.push(`coalesce(o.salary_max, o.salary_min) * case o.salary_period when 'month' then 12 when 'day' then 218 when 'hour' then 1607 else 1 end >= ?`)
    params.push(query.salaryMin)
  }
  if (query.postedWithinDays !== null) {
    where.push('o.published_at >= ?')
    params.push(new Date(now.getTime() - query.postedWithinDays * 86_400_000).toISOString())
  }
  const from = `from offers o join communes c on c.insee = o.commune_insee left join territories t on t.id = c.territory_id where ${where.join(' and ')}`
  if (query.near) {
    const centre = sqlite.prepare('select latitude, longitude from communes where insee = ?').get(query.near.insee) as
      | { latitude: number; longitude: number }
      | undefined
    if (!centre) return { total: 0, ids: [] }
    const rows = sqlite.prepare(`select o.id, c.latitude, c.longitude ${from}`).all(...params) as { id: number; latitude: number; longitude: number }[]
    const near = rows
      .map((r) => ({ id: r.id, d: distanceKm(centre.latitude, centre.longitude, r.latitude, r.longitude) }))
      .filter((r) => r.d <= query.near!.radiusKm)
      .sort((a, b) => a.d - b.d)
    return { total: near.length, ids: near.slice((query.page - 1) * query.perPage, query.page * query.perPage).map((r) => r.id) }
  }
  const { total } = sqlite.prepare(`select count(*) as total ${from}`).get(...params) as { total: number }
  const order = query.sort === 'salary' ? 'o.salary_max desc' : 'o.published_at desc'
  const ids = sqlite
    .prepare(`select o.id ${from} order by ${order} limit ? offset ?`)
    .all(...params, query.perPage, (query.page - 1) * query.perPage) as { id: number }[]
  return { total, ids: ids.map((r) => r.id) }
}

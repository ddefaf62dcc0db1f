import type { Env } from '#app/env.server.ts'
import type { DB } from '../../connection.ts'
import type { ImportReport } from '../types.ts'
import { fetchFranceTravailOffers } from './api.ts'
import { importFranceTravail } from './index.ts'

type FranceTravailEnv = Pick<Env, 'FRANCE_TRAVAIL_CLIENT_ID' | 'FRANCE_TRAVAIL_CLIENT_SECRET' | 'FRANCE_TRAVAIL_DEPARTMENTS' | 'FRANCE_TRAVAIL_API_URL' | 'FRANCE_TRAVAIL_TOKEN_URL'>

/** Whether the daily maintenance imports from France Travail. */
export const franceTravailConfigured = (env: FranceTravailEnv) => Boolean(env.FRANCE_TRAVAIL_CLIENT_ID && env.FRANCE_TRAVAIL_CLIENT_SECRET)

/**
 * One API run: the departments configured (default: those of the region's territories) and
 * the digital occupations of the referential (ROME codes), then the import.
 */
export async function franceTravailFromApi(
  db: DB,
  env: FranceTravailEnv,
  now: Date,
  options: { onBatch?: (written: number) => void; log?: (line: string) => void; sleep?: (ms: number) => Promise<void> } = {},
): Promise<ImportReport> {
  if (!env.FRANCE_TRAVAIL_CLIENT_ID || !env.FRANCE_TRAVAIL_CLIENT_SECRET) throw new Error('France Travail n’est pas configuré.')
  const departments = env.FRANCE_TRAVAIL_DEPARTMENTS?.split(',') ??
    (await db.selectFrom('communes').select('department').distinct().where('territory_id', 'is not', null).orderBy('department').execute()).map((r) => r.department)
  const romeCodes = (await db.selectFrom('occupations').select('code').orderBy('code').execute()).map((r) => r.code)
  const { records, complete } = await fetchFranceTravailOffers({
    clientId: env.FRANCE_TRAVAIL_CLIENT_ID,
    clientSecret: env.FRANCE_TRAVAIL_CLIENT_SECRET,
    apiUrl: env.FRANCE_TRAVAIL_API_URL,
    tokenUrl: env.FRANCE_TRAVAIL_TOKEN_URL,
    departments,
    romeCodes,
    sleep: options.sleep,
    log: options.log,
  })
  return importFranceTravail(db, records, { now, complete, onBatch: options.onBatch })
}

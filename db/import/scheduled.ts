import type { Env } from '#app/env.server.ts'
import type { DB } from '../connection.ts'
import { franceTravailConfigured, franceTravailFromApi } from './france-travail/scheduled.ts'
import { refreshOfferFeeds } from './jsonld/index.ts'
import { describeImport } from './offers.ts'

/**
 * The importers' part of the daily maintenance (decision 012): the France Travail API when
 * configured, then every company's career page. Each failure is logged and retried the next
 * day; one importer failing never stops the other.
 */
export async function runScheduledImports(db: DB, env: Env, now: Date): Promise<string[]> {
  const lines: string[] = []
  if (franceTravailConfigured(env)) {
    try {
      lines.push(describeImport(await franceTravailFromApi(db, env, now)).split('\n')[0]!)
    } catch (error) {
      lines.push(`Import France Travail échoué : ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  try {
    const { pages, failed } = await refreshOfferFeeds(db, now)
    if (pages > 0) lines.push(`Pages carrières : ${pages} relue(s), ${failed} en échec (rapport sur chaque page d’import).`)
  } catch (error) {
    lines.push(`Pages carrières : rafraîchissement échoué (${error instanceof Error ? error.message : String(error)}).`)
  }
  return lines
}

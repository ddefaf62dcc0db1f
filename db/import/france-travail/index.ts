import type { DB } from '../../connection.ts'
import { importOffers, placeholderCompany } from '../offers.ts'
import { loadReferential } from '../places.ts'
import type { ImportReport } from '../types.ts'
import { readFranceTravailOffers } from './read.ts'

/**
 * Imports France Travail records (from a file or the API) into the source's placeholder
 * company: the employer's name, sector and size stay on each offer (decision 012).
 * `complete`: the records are the whole scope, so offers missing from them are closed.
 */
export async function importFranceTravail(
  db: DB,
  records: unknown[],
  options: { now: Date; complete: boolean; onBatch?: (written: number) => void },
): Promise<ImportReport> {
  const referential = await loadReferential(db)
  // Searches overlap (several ROME groups, departments): one record per offer id, the last one read.
  const byId = new Map(records.map((r, i) => [typeof r === 'object' && r && 'id' in r ? String((r as { id: unknown }).id) : `#${i}`, r]))
  const { offers, rejected } = readFranceTravailOffers([...byId.values()], referential, options.now)
  const company = await placeholderCompany(db, 'france-travail', options.now)
  return importOffers(
    db,
    { source: 'france-travail', companyId: company.id, companySlug: company.slug },
    { offers, rejected, complete: options.complete, now: options.now, onBatch: options.onBatch },
  )
}

import { Migrator, type Migration, type MigrationProvider } from 'kysely'
import type { DB } from './connection.ts'
import * as foundation from './migrations/2026-11-22-001-foundation.ts'
import * as accounts from './migrations/2026-11-22-002-accounts.ts'
import * as candidates from './migrations/2026-11-22-003-candidates-applications.ts'
import * as forums from './migrations/2026-11-22-004-matching-forums.ts'
import * as removedPairs from './migrations/2026-11-22-005-forum-removed-pairs.ts'
import * as searchRelay from './migrations/2026-11-23-001-search-relay.ts'
import * as knownDevices from './migrations/2026-12-04-001-known-devices.ts'
import * as regionsOccupations from './migrations/2026-12-04-002-regions-occupations.ts'
import * as inactivityIndex from './migrations/2026-12-04-003-inactivity-index.ts'
import * as alertsNotifications from './migrations/2026-12-05-001-alerts-notifications.ts'
import * as savedOffers from './migrations/2026-12-05-002-saved-offers.ts'
import * as offerSources from './migrations/2026-12-05-003-offer-sources.ts'
import * as matchingProfiles from './migrations/2026-12-05-004-matching-profiles.ts'
import * as listIndexes from './migrations/2026-12-05-005-list-indexes.ts'
import * as importFollowup from './migrations/2026-12-05-009-import-followup.ts'
import * as sourceIdPerCompany from './migrations/2026-12-05-011-source-id-per-company.ts'
import * as signedInPages from './migrations/2026-12-06-001-signed-in-pages.ts'

// Listed statically (not read from the folder) so the server bundle carries them.
export const migrations: Record<string, Migration> = {
  '2026-11-22-001-foundation': foundation,
  '2026-11-22-002-accounts': accounts,
  '2026-11-22-003-candidates-applications': candidates,
  '2026-11-22-004-matching-forums': forums,
  '2026-11-22-005-forum-removed-pairs': removedPairs,
  '2026-11-23-001-search-relay': searchRelay,
  '2026-12-04-001-known-devices': knownDevices,
  '2026-12-04-002-regions-occupations': regionsOccupations,
  '2026-12-04-003-inactivity-index': inactivityIndex,
  '2026-12-05-001-alerts-notifications': alertsNotifications,
  '2026-12-05-002-saved-offers': savedOffers,
  '2026-12-05-003-offer-sources': offerSources,
  '2026-12-05-004-matching-profiles': matchingProfiles,
  '2026-12-05-005-list-indexes': listIndexes,
  '2026-12-05-009-import-followup': importFollowup,
  '2026-12-05-011-source-id-per-company': sourceIdPerCompany,
  '2026-12-06-001-signed-in-pages': signedInPages,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

export async function migrateToLatest(db: DB): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed`, { cause: error })
  }
}

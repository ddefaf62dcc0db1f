import { describe } from 'vitest'
import { EmbeddedSearchEngine } from '../embedded/engine.ts'
import { searchContract } from './suite.ts'

// The embedded engine follows the outbox before every search: nothing to do after a write.
describe('the search contract, embedded engine', () => {
  searchContract(async (database) => {
    const rowids = {
      offer: database.sqlite.prepare<[], number>('select rowid from offers_fts order by rowid').pluck(),
      profile: database.sqlite.prepare<[], number>('select rowid from profiles_fts order by rowid').pluck(),
    }
    return {
      engine: new EmbeddedSearchEngine(database.sqlite),
      afterWrite: async () => {},
      indexedIds: async (kind) => rowids[kind].all(),
      destroy: async () => {},
    }
  })
})

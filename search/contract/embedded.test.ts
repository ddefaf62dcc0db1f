import { describe } from 'vitest'
import { EmbeddedSearchEngine } from '../embedded/engine.ts'
import { searchContract } from './suite.ts'

// The embedded engine follows the outbox before every search: nothing to do after a write.
describe('the search contract, embedded engine', () => {
  searchContract(async (database) => ({
    engine: new EmbeddedSearchEngine(database.sqlite),
    afterWrite: async () => {},
    destroy: async () => {},
  }))
})

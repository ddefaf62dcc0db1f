import { randomBytes } from 'node:crypto'
import { describe } from 'vitest'
import { connect, type Connection } from '../meilisearch/client.ts'
import { createMeilisearch, createReindexWriter, type MeilisearchConfig } from '../meilisearch/index.ts'
import { dropIndexes, prefixedIndexes } from '../meilisearch/indexes.ts'
import { reindexKind } from '../sync/reindex.ts'
import { DOCUMENT_KINDS, OutboxRelay } from '../sync/relay.ts'
import { searchContract } from './suite.ts'

const url = process.env.MEILISEARCH_URL
if (!url) console.log('skipped: no Meilisearch configured (set MEILISEARCH_URL to run the contract suite against it)')

/**
 * The same suite against a real Meilisearch (≥ 1.36), when one is
 * configured. Each dataset gets indexes of its own under a random prefix,
 * dropped afterwards. They are kept in step by the real sync code, so the
 * suite judges it too: a full reindex loads each kind (and starts the relay
 * following it), then the outbox relay sends every change.
 */
describe.skipIf(!url)('the search contract, Meilisearch', () => {
  searchContract(async (database) => {
    const config: MeilisearchConfig = {
      url: url!,
      apiKey: process.env.MEILISEARCH_API_KEY ?? '',
      // The two keys of the README; a master key in both is fine for a throwaway server.
      adminKey: process.env.MEILISEARCH_ADMIN_KEY ?? process.env.MEILISEARCH_API_KEY ?? '',
      indexPrefix: `passerelle_contract_${randomBytes(4).toString('hex')}_`,
      timeoutMs: 10_000,
    }
    const { engine, writer } = createMeilisearch(config, database.sqlite)
    const connection = connect(config)
    const reindexWriter = createReindexWriter(config, database.sqlite)
    for (const kind of DOCUMENT_KINDS) await reindexKind(database.db, reindexWriter, kind)
    const relay = new OutboxRelay(database.db, writer)
    return {
      engine,
      afterWrite: async () => {
        for (const kind of DOCUMENT_KINDS) {
          // drain throws the writer's failure; anything but "drained" would leave the index behind.
          const result = await relay.drain(kind)
          if (result.status !== 'drained') throw new Error(`the relay did not drain ${kind}: ${result.status}`)
        }
      },
      indexedIds: (kind) => documentIds(connection, connection.liveUid[kind]),
      destroy: async () => {
        await dropIndexes(connection, await prefixedIndexes(connection))
      },
    }
  })
})

async function documentIds(connection: Connection, uid: string): Promise<number[]> {
  const ids: number[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await connection.client.index(uid).getDocuments<{ id: number }>({ fields: ['id'], offset, limit: 1000 })
    ids.push(...page.results.map((document) => document.id))
    if (page.results.length < 1000) return ids.sort((a, b) => a - b)
  }
}

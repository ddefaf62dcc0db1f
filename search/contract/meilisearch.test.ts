import { randomBytes } from 'node:crypto'
import { describe } from 'vitest'
import { connect } from '../meilisearch/client.ts'
import { createMeilisearch, type MeilisearchConfig } from '../meilisearch/index.ts'
import { dropIndexes, prefixedIndexes } from '../meilisearch/indexes.ts'
import type { DocumentKind } from '../sync/index-writer.ts'
import { searchContract } from './suite.ts'

const url = process.env.MEILISEARCH_URL
if (!url) console.log('skipped: no Meilisearch configured (set MEILISEARCH_URL to run the contract suite against it)')

/**
 * The same suite against a real Meilisearch (≥ 1.36), when one is
 * configured. Each dataset gets indexes of its own under a random prefix,
 * loaded through the writer from the outbox the factories wrote, and
 * dropped afterwards.
 */
describe.skipIf(!url)('the search contract, Meilisearch', () => {
  searchContract(async (database) => {
    const config: MeilisearchConfig = {
      url: url!,
      apiKey: process.env.MEILISEARCH_API_KEY ?? '',
      indexPrefix: `passerelle_contract_${randomBytes(4).toString('hex')}_`,
      timeoutMs: 10_000,
    }
    const { engine, writer } = createMeilisearch(config, database.sqlite)
    const outbox = database.sqlite.prepare<[number], { id: number; doc_type: DocumentKind; doc_id: number }>(
      'select id, doc_type, doc_id from search_outbox where id > ? order by id',
    )
    let applied = 0
    // What the relay does, in short: every change written since, as full documents or deletes.
    const afterWrite = async () => {
      const events = outbox.all(applied)
      for (const kind of ['offer', 'profile'] as const) {
        const ids = events.filter((e) => e.doc_type === kind).map((e) => e.doc_id)
        // doc_id 0 marks a full rebuild of the embedded index: everything is sent again.
        await writer.sync(kind, ids.includes(0) ? writer.allIds(kind) : ids)
      }
      applied = events.at(-1)?.id ?? applied
    }
    await afterWrite()
    return {
      engine,
      afterWrite,
      destroy: async () => {
        const connection = connect(config)
        await dropIndexes(connection, await prefixedIndexes(connection))
      },
    }
  })
})

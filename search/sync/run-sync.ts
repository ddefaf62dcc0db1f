import { withSearchWriter } from './cli.ts'
import { syncCommand } from './sync-command.ts'

/** `npm run search:sync`: drains the search outbox to Meilisearch once; exit code 0 when nothing is left pending. */
process.exitCode = await withSearchWriter('search:sync', ({ db, writer }) => syncCommand({ db, writer }))

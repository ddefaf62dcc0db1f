import { withSearchWriter } from './cli.ts'
import { reindexCommand } from './reindex-command.ts'

/** `npm run search:reindex [-- --kind offer] [-- --rollback <uid> --kind offer --since <id>]`; see reindex-command.ts. */
process.exitCode = await withSearchWriter('search:reindex', ({ db, writer }) => reindexCommand(process.argv.slice(2), { db, writer }))

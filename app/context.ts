import type { DB } from '#db/connection.ts'
import type { FileStore } from '#db/files.ts'
import type { SearchEngine } from '#search/types.ts'
import type { Mailer } from './utils/mail.server.ts'

/** What the server gives every loader and action. */
declare module 'react-router' {
  interface AppLoadContext {
    db: DB
    search: SearchEngine
    /** Per-request CSP nonce. */
    nonce: string
    mailer: Mailer
    /** Absolute base of links sent by e-mail. */
    publicUrl: string
    /** The client's address, for rate limits. */
    clientIp: string
    /** Uploaded CVs and logos. */
    files: FileStore
    /** Requests a minute per address to the public API (API_RATE_LIMIT); 300 when absent. */
    apiRateLimit?: number
  }
}

export {}

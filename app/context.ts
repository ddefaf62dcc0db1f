import type { DB } from '#db/connection.ts'
import type { SearchEngine } from '#search/types.ts'

/** What the server gives every loader and action. */
declare module 'react-router' {
  interface AppLoadContext {
    db: DB
    search: SearchEngine
    /** Per-request CSP nonce. */
    nonce: string
  }
}

export {}

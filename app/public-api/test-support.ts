import { createFileStore } from '#db/files.ts'
import { seedDemo, DEMO_SCALE } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'

export const PUBLIC_URL = 'https://passerelle.example'

/** The demo board (48 companies, 360 offers) on a real SQLite file, and a loader context for it. */
export async function demoBoard(now = new Date()) {
  const test = await createTestDatabase()
  await seedDemo(test.db, { ...DEMO_SCALE, now })
  const search = new EmbeddedSearchEngine(test.sqlite)
  await search.warmUp()
  const context = (clientIp = '192.0.2.1') => ({
    db: test.db, search, nonce: 'n', clientIp, publicUrl: PUBLIC_URL,
    files: createFileStore(`${test.file}-uploads`), mailer: { send: async () => {} },
  })
  return { test, search, context }
}

type Loader = (args: { request: Request; params: Record<string, string>; context: never }) => unknown

/** Runs a route's loader as React Router would, and returns its Response. */
export async function load(route: { loader: Loader }, url: string, options: { params?: Record<string, string>; context: unknown; headers?: Record<string, string> }) {
  const request = new Request(`${PUBLIC_URL}${url}`, { headers: options.headers ?? {} })
  const answer = await Promise.resolve(route.loader({ request, params: options.params ?? {}, context: options.context as never })).catch((e: unknown) => e)
  if (!(answer instanceof Response)) throw new Error(`${url}: the loader did not answer a Response`)
  return answer
}

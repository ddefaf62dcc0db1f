import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)

/** Runs a search command as `npm run` would (through tsx), in a clean environment. */
async function command(script: string, env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script], {
      env: { PATH: process.env.PATH ?? '', DATABASE_PATH: '/nonexistent/never-opened.sqlite', ...env },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

// Meilisearch itself cannot run on this machine: these check how the commands refuse to start.
describe('the search commands, without Meilisearch', () => {
  it('npm run search:sync exits 1 and says why when the board runs the embedded engine', async () => {
    const result = await command('search/sync/run-sync.ts', { SEARCH_ENGINE: 'embedded' })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('SEARCH_ENGINE vaut « embedded »')
  })

  it('npm run search:reindex exits 1 and names the missing variables when Meilisearch is half configured', async () => {
    const result = await command('search/sync/run-reindex.ts', { SEARCH_ENGINE: 'meilisearch', MEILISEARCH_URL: 'http://127.0.0.1:7700' })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Configuration invalide')
    expect(result.stderr).toContain('MEILISEARCH_API_KEY: obligatoire avec SEARCH_ENGINE=meilisearch')
    expect(result.stderr).toContain('MEILISEARCH_ADMIN_KEY: obligatoire pour npm run search:reindex')
    expect(result.stderr).not.toContain('MEILISEARCH_URL:')
  })
})

import { defineConfig } from 'vitest/config'

// Separate from vite.config.ts: unit tests run without the React Router plugin.
export default defineConfig({
  test: {
    include: ['{app,db,search,bench}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
})

import { defineConfig } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3123)
/** A real SMTP server listens there for the whole run (e2e/global-setup.ts). */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526)
export const E2E_DATABASE_PATH = process.env.E2E_DATABASE_PATH ?? '.e2e/passerelle.sqlite'

/**
 * Browser journeys against the production build, served by the real server on
 * its own SQLite file, in Debian's Chromium (CHROMIUM_PATH to use another).
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  // Whole journeys across several pages; generous, since timing is measured by bench/, not asserted here.
  timeout: 60_000,
  workers: 2,
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    locale: 'fr-FR',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // The machines have no outside network: keep Chromium from trying.
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // The README's own start command, so the journeys prove it too.
    command: `rm -f ${E2E_DATABASE_PATH} ${E2E_DATABASE_PATH}-wal ${E2E_DATABASE_PATH}-shm ${E2E_DATABASE_PATH}.engine && npm start`,
    url: `http://localhost:${PORT}/offres`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_PATH: E2E_DATABASE_PATH,
      NODE_ENV: 'production',
      DEMO_DATA: 'true',
      PUBLIC_URL: `http://localhost:${PORT}`,
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    },
  },
})

import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * A second real server (the production build `npm start` made for the
 * webServer, started as `npm start` starts it: `node build/start/server.js`, cluster and
 * all) on a port and database of its own, for the tests that need one to
 * themselves: behind nginx, fuzzed, killed.
 */
export type ServerProcess = {
  url: string
  port: number
  databasePath: string
  dir: string
  child: ChildProcess
  /** Everything it printed. */
  output: () => string
  /** SIGTERM, waiting for the exit. */
  stop: () => Promise<number | null>
  /** SIGKILL to the primary and every worker at once (a power cut, as far as the processes can tell). */
  kill9: () => Promise<void>
}

export async function startServer(options: { port: number; env?: Record<string, string>; dir?: string }): Promise<ServerProcess> {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'passerelle-'))
  const databasePath = path.join(dir, 'passerelle.sqlite')
  let output = ''
  // The compiled server `npm run build` made, as npm start runs it.
  const child = spawn(process.execPath, ['build/start/server.js'], {
    // Its own process group, so that kill9 reaches the workers too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(options.port),
      DATABASE_PATH: databasePath,
      DEMO_DATA: 'true',
      PUBLIC_URL: `http://localhost:${options.port}`,
      SMTP_URL: '',
      // Named on the legal pages; a server without the demo refuses to start without them.
      OPERATOR_NAME: 'Passerelle (tests)', OPERATOR_ADDRESS: '1 rue des Tests, 62100 Calais', OPERATOR_EMAIL: 'contact@passerelle.test',
      OPERATOR_DIRECTOR: 'Direction des tests', OPERATOR_HOST: 'Cette machine de test',
      ...options.env,
    },
  })
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = `http://127.0.0.1:${options.port}`
  await waitForHealth(url, 90_000, () => child.exitCode !== null || child.signalCode !== null, () => output)
  return {
    url,
    port: options.port,
    databasePath,
    dir,
    child,
    output: () => output,
    async stop() {
      child.kill('SIGTERM')
      return exited
    },
    async kill9() {
      process.kill(-child.pid!, 'SIGKILL')
      await exited
      // The workers are gone when nothing answers any more.
      for (let i = 0; i < 50; i++) {
        try {
          await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(200) })
        } catch {
          return
        }
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error('a worker survived kill -9')
    },
  }
}

export async function waitForHealth(url: string, timeoutMs: number, dead: () => boolean = () => false, output: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (dead()) throw new Error(`the server stopped while starting:\n${output()}`)
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the server did not become healthy in ${timeoutMs} ms:\n${output()}`)
}

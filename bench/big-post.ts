/**
 * npm run bench:big-post — the server's memory while one anonymous client
 * sends a 200 MB urlencoded POST to /connexion (with Content-Length, then
 * chunked without it). Starts the server as `npm start` does, on its own
 * database (DEMO_DATA=false), sums the RSS of all its processes every 50 ms.
 * BENCH_ENTRY picks another entry file (to measure an older server.ts),
 * BENCH_POST_MB the size, BENCH_PORT the port.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { BENCH_OPERATOR_ENV } from './operator-env.ts'

const ENTRY = process.env.BENCH_ENTRY ?? 'server.ts'
const MB = Number(process.env.BENCH_POST_MB ?? 200)
const PORT = Number(process.env.BENCH_PORT ?? 3240)
const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-bigpost-'))

const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
  detached: true,
  stdio: 'ignore',
  env: { ...process.env, ...BENCH_OPERATOR_ENV, NODE_ENV: 'production', PORT: String(PORT), HOST: '127.0.0.1', DATABASE_PATH: path.join(dir, 'db.sqlite'), DEMO_DATA: 'false', WEB_CONCURRENCY: '1' },
})

/** RSS of the server's process group (the primary and its workers), in MB. */
function groupRss(): number {
  let kb = 0
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      if (Number(stat[2]) !== child.pid) continue // field 5: process group
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      // gone meanwhile
    }
  }
  return kb / 1024
}

async function waitReady() {
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/offres`).then((r) => r.ok, () => false)
    if (ok) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('server not ready')
}

function bigPost(chunked: boolean): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(PORT, '127.0.0.1')
    let answer = ''
    const framing = chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${MB * 1024 * 1024 + 'email='.length}`
    socket.on('connect', async () => {
      socket.write(`POST /connexion HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nContent-Type: application/x-www-form-urlencoded\r\n${framing}\r\nConnection: close\r\n\r\n`)
      const chunk = Buffer.alloc(1024 * 1024, 'a')
      const send = (data: Buffer) => (chunked ? Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]) : data)
      socket.write(send(Buffer.from('email=')))
      for (let i = 0; i < MB && !socket.destroyed; i++) {
        if (!socket.write(send(chunk))) await new Promise((r) => socket.once('drain', r))
      }
      if (chunked && !socket.destroyed) socket.write('0\r\n\r\n')
    })
    socket.on('data', (d: Buffer) => (answer += d.toString()))
    socket.on('error', () => {})
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? '(no answer)'))
  })
}

try {
  await waitReady()
  await new Promise((r) => setTimeout(r, 2000))
  for (const chunked of [false, true]) {
    const before = groupRss()
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, groupRss())), 50)
    const started = performance.now()
    const status = await bigPost(chunked)
    await new Promise((r) => setTimeout(r, 500))
    clearInterval(sampler)
    console.log(`${ENTRY}, ${MB} MB ${chunked ? 'chunked' : 'with Content-Length'}: ${status} in ${((performance.now() - started) / 1000).toFixed(1)} s; RSS before ${before.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, after ${groupRss().toFixed(0)} MB`)
  }
} finally {
  process.kill(-child.pid!, 'SIGKILL')
  rmSync(dir, { recursive: true, force: true })
}

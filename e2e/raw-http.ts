import net from 'node:net'

/**
 * One request written byte for byte on a fresh TCP connection (node:net, so
 * that it can be as broken as wanted), and the answer's status line and
 * first 64 KB. status null: the server closed without answering.
 */
export function rawRequest(port: number, bytes: Buffer, timeoutMs = 15_000): Promise<{ status: number | null; head: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const socket = net.connect(port, '127.0.0.1')
    const finish = () => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      const head = Buffer.concat(chunks).toString('latin1')
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head)
      resolve({ status: match ? Number(match[1]) : null, head })
    }
    const timer = setTimeout(finish, timeoutMs)
    socket.on('connect', () => socket.write(bytes))
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      size += chunk.length
      if (size >= 65_536) finish()
    })
    socket.on('end', finish)
    socket.on('close', finish)
    // The server may answer (413, 400) and close before reading all we send.
    socket.on('error', () => setTimeout(finish, 50))
  })
}

/** A deterministic generator (mulberry32), so that a failing run can be replayed from its seed. */
export function seededRandom(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const int = (n: number) => Math.floor(next() * n)
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    chance: (p: number) => next() < p,
    bytes: (n: number) => Buffer.from(Array.from({ length: n }, () => int(256))),
  }
}

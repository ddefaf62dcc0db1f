import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { createFileStore, sniffFileKind } from './files.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-files-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('recognises files by their first bytes, not their name', () => {
  const bytes = (text: string) => new TextEncoder().encode(text)
  expect(sniffFileKind(bytes('%PDF-1.7\n'))).toBe('pdf')
  expect(sniffFileKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png')
  expect(sniffFileKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg')
  expect(sniffFileKind(bytes('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp')
  expect(sniffFileKind(bytes('<html>%PDF-'))).toBeNull()
  expect(sniffFileKind(bytes('%PDF'))).toBeNull()
  expect(sniffFileKind(new Uint8Array())).toBeNull()
})

it('stores under a random name, reads back, removes, and refuses names that leave the folder', async () => {
  const store = createFileStore(path.join(dir, 'uploads'))
  const a = await store.save(new TextEncoder().encode('%PDF-1.4 a'))
  const b = await store.save(new TextEncoder().encode('%PDF-1.4 b'))
  expect(a).toMatch(/^[0-9a-f]{32}$/)
  expect(a).not.toBe(b)
  expect((await store.read(a))?.toString()).toBe('%PDF-1.4 a')
  await store.remove(a)
  expect(await store.read(a)).toBeNull()
  expect(readdirSync(path.join(dir, 'uploads'))).toEqual([b])
  await expect(store.read('../../etc/passwd')).rejects.toThrow()
  await expect(store.remove('..')).rejects.toThrow()
})

import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Uploaded files (CVs, logos), outside public/: each gets a random name, so a
 * file is reached only through a route that checks who may read it.
 */
export type FileKind = 'pdf' | 'png' | 'jpeg' | 'webp'

export const FILE_MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
}

/** What the bytes say the file is (its magic number), whatever its name or declared type claims. */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf' // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png'
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg'
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) {
    return 'webp' // RIFF....WEBP
  }
  return null
}

const NAME = /^[0-9a-f]{32}$/

export type FileStore = ReturnType<typeof createFileStore>

export function createFileStore(dir: string) {
  const pathOf = (name: string) => {
    // Names come from the database, but never let one leave the folder.
    if (!NAME.test(name)) throw new Error(`Invalid stored file name: ${name}`)
    return path.join(dir, name)
  }
  return {
    dir,
    async save(bytes: Uint8Array): Promise<string> {
      await mkdir(dir, { recursive: true })
      const name = randomBytes(16).toString('hex')
      await writeFile(pathOf(name), bytes, { flag: 'wx', mode: 0o600 })
      return name
    },
    async read(name: string): Promise<Buffer | null> {
      try {
        return await readFile(pathOf(name))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    async remove(name: string): Promise<void> {
      await rm(pathOf(name), { force: true })
    },
    /**
     * Removes a file after the change that orphaned it committed: an orphan
     * wastes a little disk, it must never turn a saved change into an error.
     */
    async discard(name: string): Promise<void> {
      await rm(pathOf(name), { force: true }).catch((error: unknown) => console.error('Suppression de fichier impossible', error))
    },
  }
}

import {
  FormDataParseError,
  MaxFileSizeExceededError,
  MultipartParseError,
  parseFormData,
  type FileUpload,
} from '@remix-run/form-data-parser'
import { sniffFileKind, type FileKind } from '#db/files.ts'

export type Upload = { bytes: Uint8Array; name: string; kind: FileKind }

export type UploadResult =
  | { ok: true; form: FormData; file: Upload | null }
  | { ok: false; status: 400 | 413 | 415; message: string }

/**
 * Reads a multipart form with one optional file, streaming: a file over
 * `maxBytes` is refused before it is all read. The file's type is its magic
 * bytes, never its name or the browser's claim.
 */
export async function parseUpload(
  request: Request,
  options: { field: string; maxBytes: number; accept: FileKind[]; tooLarge: string; wrongType: string },
): Promise<UploadResult> {
  const read = await readUpload(request, options)
  if (!read.ok) return read
  const { file } = read
  if (!file) return { ok: true, form: read.form, file: null }
  const kind = sniffFileKind(file.bytes)
  if (!kind || !options.accept.includes(kind)) return { ok: false, status: 415, message: options.wrongType }
  return { ok: true, form: read.form, file: { ...file, kind } }
}

export type TextUploadResult =
  | { ok: true; form: FormData; text: string | null }
  | { ok: false; status: 400 | 413 | 415; message: string }

/**
 * The same for a text file (a CSV): text has no magic bytes, so any file is
 * taken if it decodes as UTF-8; a leading BOM is dropped.
 */
export async function parseTextUpload(
  request: Request,
  options: { field: string; maxBytes: number; tooLarge: string; notText: string },
): Promise<TextUploadResult> {
  const read = await readUpload(request, options)
  if (!read.ok) return read
  if (!read.file) return { ok: true, form: read.form, text: null }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(read.file.bytes)
    if (text.includes('\u0000')) return { ok: false, status: 415, message: options.notText }
    return { ok: true, form: read.form, text }
  } catch {
    return { ok: false, status: 415, message: options.notText }
  }
}

async function readUpload(
  request: Request,
  options: { field: string; maxBytes: number; tooLarge: string },
): Promise<
  | { ok: true; form: FormData; file: { bytes: Uint8Array; name: string } | null }
  | { ok: false; status: 400 | 413; message: string }
> {
  let file: FileUpload | null = null
  let form: FormData
  try {
    form = await parseFormData(request, { maxFileSize: options.maxBytes, maxFiles: 1 }, (upload) => {
      if (upload.fieldName === options.field && upload.size > 0) file = upload
      return null
    })
  } catch (error) {
    if (error instanceof MaxFileSizeExceededError) return { ok: false, status: 413, message: options.tooLarge }
    // A malformed body (bad boundary, too many parts, truncated stream) is the client's fault.
    if (error instanceof FormDataParseError || error instanceof MultipartParseError || error instanceof TypeError) {
      return { ok: false, status: 400, message: 'Le formulaire envoyé est illisible. Réessayez.' }
    }
    throw error
  }
  if (!file) return { ok: true, form, file: null }
  const chosen: FileUpload = file
  return { ok: true, form, file: { bytes: new Uint8Array(await chosen.arrayBuffer()), name: chosen.name } }
}

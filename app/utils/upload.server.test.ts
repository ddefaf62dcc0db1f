import { expect, it } from 'vitest'
import { parseUpload } from './upload.server.ts'

const OPTIONS = { field: 'cv', maxBytes: 1024, accept: ['pdf' as const], tooLarge: 'Trop gros.', wrongType: 'Pas un PDF.' }

function post(file: Blob | null, extra: Record<string, string> = {}) {
  const body = new FormData()
  for (const [k, v] of Object.entries(extra)) body.append(k, v)
  if (file) body.append('cv', file, 'mon cv.pdf')
  return new Request('http://localhost/x', { method: 'POST', body })
}

it('reads the fields and the file, typed by its bytes', async () => {
  const result = await parseUpload(post(new Blob(['%PDF-1.7 contenu']), { intent: 'upload' }), OPTIONS)
  expect(result.ok && result.form.get('intent')).toBe('upload')
  expect(result.ok && result.file).toMatchObject({ kind: 'pdf', name: 'mon cv.pdf' })
})

it('no file chosen is not an error', async () => {
  const result = await parseUpload(post(null, { intent: 'upload' }), OPTIONS)
  expect(result).toMatchObject({ ok: true, file: null })
})

it('refuses a file over the limit with 413 and a file that only claims to be a PDF with 415', async () => {
  expect(await parseUpload(post(new Blob(['%PDF-', 'x'.repeat(2000)])), OPTIONS)).toMatchObject({ ok: false, status: 413, message: 'Trop gros.' })
  expect(await parseUpload(post(new Blob(['MZ\x90\x00 exe'], { type: 'application/pdf' })), OPTIONS)).toMatchObject({ ok: false, status: 415 })
})

it('a malformed multipart body is a 400, not a crash', async () => {
  const request = new Request('http://localhost/x', {
    method: 'POST',
    headers: { 'Content-Type': 'multipart/form-data; boundary=abc' },
    body: '--abc\r\nContent-Disposition: form-data; name="cv"; filename="a.pdf"\r\n\r\n%PDF-unterminated',
  })
  expect(await parseUpload(request, OPTIONS)).toMatchObject({ ok: false, status: 400 })
})

import type { NextFunction, Request, Response } from 'express'
import { PREFLIGHT_HEADERS } from '#app/public-api/respond.server.ts'
import { reject } from './reject.ts'

/**
 * What the server refuses before React Router sees a request: requests no
 * browser sends (TRACE, a target that is not a path, a broken Host), bodies
 * that are not forms, forms from another origin, and bodies too large to hold.
 */

/** A urlencoded form, and each text field of a multipart one. */
export const FORM_LIMIT_BYTES = 1024 * 1024
/** A multipart form: one upload (5 MB at most, checked again by the route) and its text fields. */
export const MULTIPART_LIMIT_BYTES = 5 * 1024 * 1024 + FORM_LIMIT_BYTES

// A host name or IPv4 address, or a bracketed IPv6 literal, with an optional port.
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?)*\.?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/
const REFUSED_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT'])
const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST'])

function validHost(host: string | undefined): boolean {
  if (!host || !HOST.test(host)) return false
  const port = /:(\d+)$/.exec(host)?.[1]
  return port === undefined || Number(port) <= 65_535
}

/** Every segment of the path percent-decodes to UTF-8 (React Router would otherwise fail on it). */
function decodablePath(url: string): boolean {
  const pathname = url.split('?')[0]!
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

export function rejectMalformed(req: Request, res: Response, next: NextFunction): void {
  if (REFUSED_METHODS.has(req.method)) return reject(req, res, 400, 'Cette méthode n’est pas acceptée.', { close: true })
  // A browser asks before reading the public API from another site with If-None-Match (CORS preflight).
  if (req.method === 'OPTIONS' && req.path.startsWith('/api/v1/')) {
    res.status(204).set({ ...PREFLIGHT_HEADERS, 'Cache-Control': 'public, max-age=86400' }).end()
    return
  }
  if (!ALLOWED_METHODS.has(req.method)) {
    return reject(req, res, 405, 'Cette page s’affiche ou reçoit un formulaire, rien d’autre.', { close: true, headers: { Allow: 'GET, HEAD, POST' } })
  }
  // Only origin-form targets ("/path?query"): not "*", not "http://host/path"; and a path that decodes.
  if (!req.url.startsWith('/') || req.url.startsWith('//') || !decodablePath(req.url)) {
    return reject(req, res, 400, 'Adresse de page invalide.', { close: true })
  }
  const host = req.get('Host')
  if (!validHost(host)) return reject(req, res, 400, 'En-tête Host absent ou invalide.', { close: true })
  // Behind a trusted proxy, the host and protocol it forwards must be as sound.
  if (!validHost(req.host)) return reject(req, res, 400, 'En-tête X-Forwarded-Host invalide.', { close: true })
  if (req.protocol !== 'http' && req.protocol !== 'https') return reject(req, res, 400, 'En-tête X-Forwarded-Proto invalide.', { close: true })
  next()
}

/** The List-Unsubscribe URLs of the board's mails (app/routes/alert-unsubscribe.tsx). */
export const ONE_CLICK_UNSUBSCRIBE_PATHS = new Set(['/alertes/desabonnement'])

/** Where the browser says it is, as React Router's own origin check reads it. */
function originOf(req: Request): string {
  return `${req.protocol}://${req.host}`.toLowerCase()
}

/**
 * A form posted from another site is refused here, with a French page and one
 * log line, rather than by React Router's check (a stack trace in the log).
 */
export function rejectForeignOrigin(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'POST') return next()
  // RFC 8058 one-click unsubscribe: the mail provider POSTs from its own site. The token in the URL is
  // the only authority there and stopping mail is harmless, so the Origin is dropped rather than refused
  // (React Router's own check would refuse it too).
  if (ONE_CLICK_UNSUBSCRIBE_PATHS.has(req.path)) {
    delete req.headers.origin
    return next()
  }
  const origin = req.get('Origin')
  if (origin === undefined) return next()
  let same = false
  try {
    same = origin !== 'null' && new URL(origin).origin.toLowerCase() === originOf(req)
  } catch {
    same = false
  }
  if (!same) return reject(req, res, 400, 'Ce formulaire a été envoyé depuis un autre site : il n’a pas été pris en compte.', { close: true })
  next()
}

type FormType = 'urlencoded' | 'multipart'

function formType(contentType: string | undefined): FormType | null {
  if (!contentType) return null
  const [mime = '', ...params] = contentType.split(';').map((part) => part.trim())
  switch (mime.toLowerCase()) {
    case 'application/x-www-form-urlencoded':
      return 'urlencoded'
    case 'multipart/form-data':
      // Without a boundary, the parts cannot be told apart.
      return params.some((p) => /^boundary=("?)[^"]{1,70}\1$/i.test(p)) ? 'multipart' : null
    default:
      return null
  }
}

// C0 controls but tab, line feed and carriage return (textareas), DEL and C1 controls.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g

/** Form input loses its control characters at the boundary: nothing downstream ever sees a NUL. */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '')
}

export type FormBody =
  | { ok: true; body: URLSearchParams | FormData }
  | { ok: false; status: 400 | 413 | 415; message: string; close: boolean }

const TOO_LARGE = 'Le formulaire envoyé est trop volumineux (1 Mo de texte et 5 Mo de fichier au plus).'

/** Reads at most `limit` bytes of the body; null once it is past the limit (the rest is left unread). */
function readLimited(req: Request, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        cleanUp()
        req.pause()
        resolve(null)
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      cleanUp()
      resolve(Buffer.concat(chunks))
    }
    const onError = (error: Error) => {
      cleanUp()
      reject(error)
    }
    const cleanUp = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
  })
}

/**
 * The body of a POST as a form, read whole within its limit and with the
 * control characters stripped from every text value; or the French refusal:
 * 415 for anything that is not a form, 413 past the limits, 400 for a
 * multipart body that does not parse.
 */
export async function readForm(req: Request): Promise<FormBody> {
  const type = formType(req.get('Content-Type'))
  if (!type) return { ok: false, status: 415, message: 'Seuls les formulaires des pages du site sont acceptés ici.', close: true }
  const limit = type === 'urlencoded' ? FORM_LIMIT_BYTES : MULTIPART_LIMIT_BYTES
  const declared = Number(req.get('Content-Length') ?? 0)
  if (declared > limit) return { ok: false, status: 413, message: TOO_LARGE, close: true }
  const bytes = await readLimited(req, limit)
  if (!bytes) return { ok: false, status: 413, message: TOO_LARGE, close: true }
  if (type === 'urlencoded') {
    const clean = new URLSearchParams()
    for (const [key, value] of new URLSearchParams(bytes.toString('utf8'))) clean.append(stripControlCharacters(key), stripControlCharacters(value))
    return { ok: true, body: clean }
  }
  let parsed: FormData
  try {
    parsed = await new Response(new Uint8Array(bytes), { headers: { 'Content-Type': req.get('Content-Type')! } }).formData()
  } catch {
    return { ok: false, status: 400, message: 'Le formulaire envoyé est illisible. Réessayez depuis la page du site.', close: false }
  }
  const clean = new FormData()
  for (const [key, value] of parsed) {
    if (typeof value === 'string') {
      if (Buffer.byteLength(value) > FORM_LIMIT_BYTES) return { ok: false, status: 413, message: TOO_LARGE, close: false }
      clean.append(stripControlCharacters(key), stripControlCharacters(value))
    } else {
      clean.append(stripControlCharacters(key), value, value.name)
    }
  }
  return { ok: true, body: clean }
}

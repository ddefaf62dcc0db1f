import type { Request, Response } from 'express'

/** The French titles of the answers the server gives before React Router sees a request. */
const TITLES: Record<number, string> = {
  400: 'Demande invalide',
  405: 'Méthode non autorisée',
  413: 'Envoi trop volumineux',
  415: 'Format d’envoi non accepté',
  429: 'Trop de demandes',
  500: 'Une erreur est survenue',
  503: 'Service momentanément indisponible',
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** A small self-contained French page (no script: it is served when the app itself was not reached). */
export function rejectionPage(status: number, message: string): string {
  const title = TITLES[status] ?? 'Demande invalide'
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)} – Passerelle</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>` +
    `<p><a href="/">Retour à l’accueil</a></p></main></body></html>`
}

/** One log line for a request refused on purpose: what, from where, why; never a stack trace. */
export function logRejection(req: Request, status: number, reason: string): void {
  const target = (req.originalUrl ?? req.url ?? '').slice(0, 200)
  console.warn(`Requête refusée ${status} ${req.method} ${JSON.stringify(target)} de ${req.ip ?? req.socket.remoteAddress ?? '?'} : ${reason}`)
}

/**
 * Answers `status` with the French page and logs one line. `close` ends the
 * connection after the answer, so that an unread body (too large, never
 * wanted) is dropped, never kept in memory.
 */
export function reject(req: Request, res: Response, status: number, message: string, options: { close?: boolean; headers?: Record<string, string> } = {}): void {
  logRejection(req, status, message)
  if (res.headersSent) {
    res.destroy()
    return
  }
  if (options.close) res.set('Connection', 'close')
  res.status(status).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...options.headers })
  res.end(req.method === 'HEAD' ? undefined : rejectionPage(status, message))
  // What is left of the body is read and dropped (never kept), so that the client, still sending, receives
  // the answer instead of a reset; the connection then closes (requestTimeout bounds a body that never ends).
  if (options.close) req.resume()
}

/**
 * Every file the board hands out (CVs, exports) goes through here: always an
 * attachment, never rendered inline, never kept by a shared cache.
 * (X-Content-Type-Options: nosniff comes with every response: app/security-headers.ts.)
 */
export function downloadResponse(body: BodyInit, { name, type }: { name: string; type: string }): Response {
  return new Response(body, {
    headers: {
      'Content-Type': type,
      'Content-Disposition': attachmentDisposition(name),
      'Cache-Control': 'private, no-store',
    },
  })
}

/** Content-Disposition for a download: an ASCII fallback and the exact name per RFC 5987. */
export function attachmentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\%;]/g, '_')
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

import { etagOf } from '../public-api/respond.server.ts'

/** An XML (or text) answer with an ETag, 304 when the client already has it; crawlers and feed readers poll. */
export function xmlResponse(request: Request, body: string, contentType = 'application/xml; charset=utf-8', maxAgeSeconds = 300): Response {
  const etag = etagOf(body)
  const headers = { ETag: etag, 'Cache-Control': `public, max-age=${maxAgeSeconds}`, 'Access-Control-Allow-Origin': '*' }
  const known = request.headers.get('If-None-Match')?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''))
  if (known) return new Response(null, { status: 304, headers })
  return new Response(body, { headers: { ...headers, 'Content-Type': contentType } })
}

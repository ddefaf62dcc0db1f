import { parseSitemapFile, sitemapFile } from '../feeds/sitemap.server.ts'
import { xmlResponse } from '../feeds/xml-response.server.ts'
import { originOf } from '../public-api/serialize.server.ts'
import type { Route } from './+types/sitemap-file'

/** GET /sitemaps/offres-1.xml…: one file of the sitemap index. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const file = parseSitemapFile(params.file)
  const body = file ? await sitemapFile(context.db, originOf(context.publicUrl), new Date(), file.kind, file.page) : null
  if (body === null) return new Response('Fichier de plan du site inconnu.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return xmlResponse(request, body)
}

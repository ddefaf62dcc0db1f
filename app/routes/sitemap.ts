import { sitemapIndex } from '../feeds/sitemap.server.ts'
import { xmlResponse } from '../feeds/xml-response.server.ts'
import { originOf } from '../public-api/serialize.server.ts'
import type { Route } from './+types/sitemap'

/** GET /sitemap.xml: the sitemap index (app/feeds/sitemap.server.ts). */
export async function loader({ request, context }: Route.LoaderArgs) {
  return xmlResponse(request, await sitemapIndex(context.db, originOf(context.publicUrl), new Date()))
}

import { robotsTxt } from '../feeds/sitemap.server.ts'
import { xmlResponse } from '../feeds/xml-response.server.ts'
import { originOf } from '../public-api/serialize.server.ts'
import type { Route } from './+types/robots'

/** GET /robots.txt, naming the sitemap at the board's public address (PUBLIC_URL). */
export function loader({ request, context }: Route.LoaderArgs) {
  return xmlResponse(request, robotsTxt(originOf(context.publicUrl)), 'text/plain; charset=utf-8', 3600)
}

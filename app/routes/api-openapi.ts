import { openApiDocument } from '../public-api/openapi.ts'
import { apiJson } from '../public-api/respond.server.ts'
import type { Route } from './+types/api-openapi'

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 document (its readable form is /api). */
export function loader({ request }: Route.LoaderArgs) {
  return apiJson(request, openApiDocument(), { maxAgeSeconds: 3600 })
}

import { communeLabel, suggestCommunes } from '#db/queries/communes.ts'
import type { Route } from './+types/communes'

/**
 * `/communes?q=calai`: the suggestions a commune field shows while typing
 * (JSON, public reference data). Without JavaScript the field is resolved by
 * the server when the form is sent instead.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const text = new URL(request.url).searchParams.get('q') ?? ''
  const found = await suggestCommunes(context.db, text)
  return Response.json(
    { suggestions: found.map((c) => ({ insee: c.insee, label: communeLabel(c), postcodes: c.postcodes.slice(0, 3) })) },
    { headers: { 'Cache-Control': 'public, max-age=3600' } },
  )
}

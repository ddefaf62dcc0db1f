import { indeedFeed } from '../feeds/indeed.server.ts'
import { originOf } from '../public-api/serialize.server.ts'
import type { Route } from './+types/feed-indeed'

/** GET /flux/indeed.xml: every open offer for the aggregators (Indeed, Jooble, Talroo), streamed. */
const HEADERS = { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=900' }

export function loader({ request, context }: Route.LoaderArgs) {
  // A HEAD asks whether the feed is there: no need to read every offer for it.
  if (request.method === 'HEAD') return new Response(null, { headers: HEADERS })
  const chunks = indeedFeed(context.db, originOf(context.publicUrl), new Date())
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
  return new Response(body, { headers: HEADERS })
}

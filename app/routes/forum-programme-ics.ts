import { findCandidateProgramme } from '#db/queries/forum-programme.ts'
import { programmeCalendar } from '../utils/forum-programme.server.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { requireCandidate } from '../utils/session.server.ts'
import type { Route } from './+types/forum-programme-ics'

/** The candidate's interviews at a forum as an iCalendar file (RFC 5545), for their own agenda. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireCandidate(request, context.db)
  const programme = await findCandidateProgramme(context.db, user.id, params.slug)
  invariantResponse(programme?.registered, 'Vous n’êtes pas inscrit·e à ce forum.')
  const body = programmeCalendar(programme.forum, programme.interviews, context.publicUrl, `candidat-${user.id}`)
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="programme-${programme.forum.slug}.ics"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

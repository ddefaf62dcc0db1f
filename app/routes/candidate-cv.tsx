import { findOwnCv } from '#db/queries/candidate-profiles.ts'
import { attachmentDisposition } from '../utils/candidate-profile.server.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { requireCandidate } from '../utils/session.server.ts'
import type { Route } from './+types/candidate-cv'

/** The owner's own CV, always as a download: the browser never renders an uploaded file inline. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireCandidate(request, context.db)
  const cv = await findOwnCv(context.db, user.id)
  const bytes = cv?.cv_file ? await context.files.read(cv.cv_file) : null
  invariantResponse(cv && bytes, 'Vous n’avez pas de CV enregistré.')
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachmentDisposition(cv.cv_name ?? 'cv.pdf'),
      'Content-Length': String(bytes.byteLength),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}

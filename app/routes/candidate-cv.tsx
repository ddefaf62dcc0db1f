import { findOwnCv } from '#db/queries/candidate-profiles.ts'
import { downloadResponse } from '../utils/download.server.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { requireCandidate } from '../utils/session.server.ts'
import type { Route } from './+types/candidate-cv'

/** The owner's own CV, always as a download: the browser never renders an uploaded file inline. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireCandidate(request, context.db)
  const cv = await findOwnCv(context.db, user.id)
  const bytes = cv?.cv_file ? await context.files.read(cv.cv_file) : null
  invariantResponse(cv && bytes, 'Vous n’avez pas de CV enregistré.')
  return downloadResponse(new Uint8Array(bytes), { name: cv.cv_name ?? 'cv.pdf', type: 'application/pdf' })
}

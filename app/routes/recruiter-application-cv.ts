import { findApplicationCv } from '#db/queries/recruiter-applications.ts'
import { RouteId } from '../utils/application-schemas.ts'
import { downloadResponse } from '../utils/download.server.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import type { Route } from './+types/recruiter-application-cv'

const NOT_FOUND = 'CV introuvable dans votre espace.'

/** The CV shared by applying, as a download, for the offer's company only. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireRecruiter(request, context.db)
  const applicationId = RouteId.safeParse(params.id)
  const cv = applicationId.success ? await findApplicationCv(context.db, user.id, applicationId.data) : undefined
  const bytes = cv?.cv_file ? await context.files.read(cv.cv_file) : null
  invariantResponse(cv && bytes, NOT_FOUND)
  return downloadResponse(new Uint8Array(bytes), { name: cv.cv_name ?? 'cv.pdf', type: 'application/pdf' })
}

import { findApplicationCv } from '#db/queries/recruiter-applications.ts'
import { RouteId } from '../utils/application-schemas.ts'
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
  // ASCII in filename= for old clients, the real name in filename*=.
  const name = (cv.cv_name ?? 'cv.pdf').replace(/[\r\n"\\/]/g, '_')
  const ascii = name.normalize('NFD').replace(/[^\w.-]/g, '_')
  // X-Content-Type-Options: nosniff comes with every response (app/security-headers.ts).
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'private, no-store',
    },
  })
}

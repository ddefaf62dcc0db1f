import { findOfferForApplicants, listApplicationsForExport } from '#db/queries/recruiter-applications.ts'
import { applicantName, trainingOf } from '../utils/applicant.ts'
import { RouteId } from '../utils/application-schemas.ts'
import { csvResponse, toCsv } from '../utils/csv.server.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { formatDate, recruiterStageText, STAGE_LABELS } from '../utils/labels.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import type { Route } from './+types/recruiter-applications-csv'

const HEADER = ['Nom', 'E-mail', 'Étape', 'Date de candidature', 'Commune', 'Formation', 'Compétences', 'Message']

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireRecruiter(request, context.db)
  const offerId = RouteId.safeParse(params.id)
  const offer = offerId.success ? await findOfferForApplicants(context.db, user.id, offerId.data) : undefined
  invariantResponse(offer, 'Offre introuvable dans votre espace.')
  const rows = await listApplicationsForExport(context.db, user.id, offer.id)
  const csv = toCsv(
    HEADER,
    rows.map((r) =>
      // A deleted account leaves the fact of the application, nothing personal; a withdrawn one, the name only.
      r.candidate_id === null
        ? [applicantName(r), '', STAGE_LABELS[r.stage], formatDate(r.created_at), '', '', '', '']
        : r.withdrawn_at
        ? [applicantName(r), '', recruiterStageText(r), formatDate(r.created_at), '', '', '', '']
        : [applicantName(r), r.email, STAGE_LABELS[r.stage], formatDate(r.created_at), r.commune_name, trainingOf(r), r.skills, r.message],
    ),
  )
  return csvResponse(csv, `candidatures-${offer.slug}.csv`)
}

import { Link } from 'react-router'
import { APPLICATION_STAGES } from '#db/domain.ts'
import { countApplicationsByStage, findOfferForApplicants, listOfferApplications } from '#db/queries/recruiter-applications.ts'
import { applicantName } from '../utils/applicant.ts'
import { RouteId, stageFilter, WITHDRAWN_FILTER } from '../utils/application-schemas.ts'
import { Pagination } from '../components/pagination.tsx'
import { invariantResponse } from '../utils/invariant.ts'
import { formatDate, recruiterStageText, STAGE_LABELS } from '../utils/labels.ts'
import { listHref, pageParam, pageWindow } from '../utils/pagination.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import type { Route } from './+types/recruiter-applications'

export const APPLICATIONS_PER_PAGE = 50

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireRecruiter(request, context.db)
  const offerId = RouteId.safeParse(params.id)
  // Not found, whether the offer does not exist or belongs to another company.
  const offer = offerId.success ? await findOfferForApplicants(context.db, user.id, offerId.data) : undefined
  invariantResponse(offer, 'Offre introuvable dans votre espace.')
  const url = new URL(request.url)
  const stage = stageFilter(url.searchParams.get('etape'))
  const page = pageParam.safeParse(url.searchParams.get('page') ?? undefined)
  invariantResponse(page.success, page.error?.issues[0]?.message ?? '', { status: 400 })
  // A page at a time: an offer may draw thousands of applications; the counts come from the (offer, stage) index.
  const counts = await countApplicationsByStage(context.db, user.id, offer.id)
  const total = [...counts.values()].reduce((a, b) => a + b, 0)
  const window = pageWindow(stage ? counts.get(stage) ?? 0 : total, page.data, APPLICATIONS_PER_PAGE)
  const applications = await listOfferApplications(context.db, user.id, offer.id, stage, { limit: window.limit, offset: window.offset })
  return {
    offer,
    stage,
    path: `${url.pathname}${url.search}`,
    list: { page: window.page, pageCount: window.pageCount, total: window.total, first: window.first },
    total,
    // A withdrawn application counts under « Retirées », not under the stage it had reached.
    counts: [
      ...APPLICATION_STAGES.map((s) => ({ stage: s as string, filter: s as string, label: STAGE_LABELS[s], count: counts.get(s) ?? 0 })),
      ...(counts.has('withdrawn') || stage === 'withdrawn'
        ? [{ stage: 'withdrawn', filter: WITHDRAWN_FILTER, label: 'Retirées', count: counts.get('withdrawn') ?? 0 }]
        : []),
    ],
    applications: applications.map((a) => ({ id: a.id, name: applicantName(a), stage: recruiterStageText(a), createdAt: a.created_at })),
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Candidatures – ${data?.offer.title ?? 'Offre'} – Passerelle` }]

export default function Applications({ loaderData }: Route.ComponentProps) {
  const { offer, stage, path, list, total, counts, applications } = loaderData
  return (
    <section className="company-page" aria-labelledby="titre-candidatures">
      <p className="breadcrumb">
        <Link to={`/recruteur/entreprises/${offer.company_slug}/offres`}>Offres de {offer.company_name}</Link> ·{' '}
        <Link to={`/recruteur/offres/${offer.id}`}>{offer.title}</Link>
      </p>
      <h1 id="titre-candidatures">Candidatures à « {offer.title} »</h1>
      <nav aria-label="Filtrer par étape">
        <ul className="stage-filter">
          <li>
            <Link to="?" aria-current={stage === null ? 'page' : undefined}>Toutes ({total})</Link>
          </li>
          {counts.map((c) => (
            <li key={c.stage}>
              <Link to={`?etape=${c.filter}`} aria-current={stage === c.stage ? 'page' : undefined}>{c.label} ({c.count})</Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <a href={`/recruteur/offres/${offer.id}/candidatures.csv`} download>Exporter les candidatures (CSV)</a>
      </p>
      {applications.length === 0 ? (
        <p>Aucune candidature {stage === 'withdrawn' ? 'retirée' : stage ? 'à cette étape' : 'pour l’instant'}.</p>
      ) : (
        <>
        <p>Candidatures {list.first} à {list.first + applications.length - 1} sur {list.total}, de la plus récente à la plus ancienne.</p>
        <table className="data-table stack-table">
          <thead>
            <tr><th scope="col">Candidat·e</th><th scope="col">Reçue le</th><th scope="col">Étape</th></tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr key={a.id}>
                <td data-label="Candidat·e"><Link to={`/recruteur/candidatures/${a.id}`}>{a.name}</Link></td>
                <td data-label="Reçue le">{formatDate(a.createdAt)}</td>
                <td data-label="Étape">{a.stage}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pagination label="Pages des candidatures" page={list.page} pageCount={list.pageCount} href={(p) => listHref(path, { page: p })} />
        </>
      )}
    </section>
  )
}

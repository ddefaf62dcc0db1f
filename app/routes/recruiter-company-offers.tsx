import { Link } from 'react-router'
import { z } from 'zod'
import { OFFER_STATUSES } from '#db/domain.ts'
import { countApplicationsByOffer } from '#db/queries/recruiter-applications.ts'
import { countCompanyOffersByStatus, findMemberCompany, listCompanyOffers } from '#db/queries/recruiter-offers.ts'
import { Pagination } from '../components/pagination.tsx'
import { invariantResponse } from '../utils/invariant.ts'
import { formatCount, formatDate, OFFER_STATUS_LABELS } from '../utils/labels.ts'
import { listHref, pageParam, pageWindow } from '../utils/pagination.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import type { Route } from './+types/recruiter-company-offers'
import { TableScroll } from '../components/table-scroll.tsx'

export const OFFERS_PER_PAGE = 50
/** `?etat=published&page=3`: an unknown state shows them all; a malformed page is refused (400). */
const ListQuery = z.object({ etat: z.enum(OFFER_STATUSES).optional().catch(undefined), page: pageParam })

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireRecruiter(request, context.db)
  // Another company's page answers 404, as if it did not exist.
  const company = await findMemberCompany(context.db, user.id, params.slug)
  invariantResponse(company, 'Entreprise introuvable dans votre espace.')
  const url = new URL(request.url)
  const query = ListQuery.safeParse(Object.fromEntries(url.searchParams))
  invariantResponse(query.success, query.error?.issues[0]?.message ?? '', { status: 400 })
  const status = query.data.etat ?? null
  // A page at a time (a company may have thousands of offers), counted per state from the company's index.
  const counts = await countCompanyOffersByStatus(context.db, user.id, company.slug)
  const total = status ? counts.get(status) ?? 0 : [...counts.values()].reduce((a, b) => a + b, 0)
  const window = pageWindow(total, query.data.page, OFFERS_PER_PAGE)
  const offers = await listCompanyOffers(context.db, user.id, company.slug, { status, limit: window.limit, offset: window.offset })
  const applications = await countApplicationsByOffer(context.db, user.id, company.slug, offers.map((o) => o.id))
  return {
    company,
    status,
    path: `${url.pathname}${url.search}`,
    list: { page: window.page, pageCount: window.pageCount, total: window.total, first: window.first },
    all: [...counts.values()].reduce((a, b) => a + b, 0),
    counts: OFFER_STATUSES.filter((s) => counts.has(s)).map((s) => ({ status: s, label: OFFER_STATUS_LABELS[s], count: counts.get(s)! })),
    offers: offers.map((o) => ({ ...o, statusLabel: OFFER_STATUS_LABELS[o.status], applications: applications.get(o.id) ?? 0 })),
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Offres de ${data?.company.name ?? ''} – Passerelle` }]

export default function CompanyOffers({ loaderData }: Route.ComponentProps) {
  const { company, offers, status, path, list, all, counts } = loaderData
  return (
    <section className="company-page" aria-labelledby="titre-offres">
      <h1 id="titre-offres">Offres de {company.name}</h1>
      {!company.verified_at ? (
        <p className="notices">Entreprise pas encore vérifiée : vos offres seront relues par l’équipe avant leur mise en ligne.</p>
      ) : null}
      <p>
        <Link className="button" to={`/recruteur/entreprises/${company.slug}/offres/nouvelle`}>Nouvelle offre</Link>{' '}
        <Link to={`/recruteur/entreprises/${company.slug}`}>Fiche de l’entreprise</Link> ·{' '}
        <Link to={`/recruteur/entreprises/${company.slug}/equipe`}>Équipe</Link> ·{' '}
        <Link to={`/recruteur/entreprises/${company.slug}/import`}>Importer depuis votre page carrières</Link>
      </p>
      {all > 0 ? (
        <nav aria-label="Filtrer par état">
          <ul className="stage-filter">
            <li><Link to={listHref(path, { etat: null, page: null })} aria-current={status === null ? 'page' : undefined}>Toutes ({all})</Link></li>
            {counts.map((c) => (
              <li key={c.status}>
                <Link to={listHref(path, { etat: c.status, page: null })} aria-current={status === c.status ? 'page' : undefined}>{c.label} ({c.count})</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {offers.length === 0 ? (
        <p>{status ? 'Aucune offre dans cet état.' : 'Aucune offre pour l’instant.'}</p>
      ) : (
        <>
        <p>Offres {list.first} à {list.first + offers.length - 1} sur {list.total}, de la dernière modifiée à la plus ancienne.</p>
        <TableScroll label="Offres de l’entreprise">
        <table className="data-table">
          <thead>
            <tr><th scope="col">Offre</th><th scope="col">État</th><th scope="col">Candidatures</th><th scope="col">Modifiée le</th></tr>
          </thead>
          <tbody>
            {offers.map((o) => (
              <tr key={o.id}>
                <td><Link to={`/recruteur/offres/${o.id}`}>{o.title}</Link>{o.source !== 'manual' ? ' (importée)' : ''}</td>
                <td>{o.statusLabel}</td>
                <td>
                  <Link to={`/recruteur/offres/${o.id}/candidatures`} aria-label={`${formatCount(o.applications, 'candidature', 'candidatures')} à « ${o.title} »`}>
                    {formatCount(o.applications, 'candidature', 'candidatures')}
                  </Link>
                </td>
                <td>{formatDate(o.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
        <Pagination label="Pages des offres" page={list.page} pageCount={list.pageCount} href={(p) => listHref(path, { page: p })} />
        </>
      )}
    </section>
  )
}

import { Link } from 'react-router'
import { countApplicationsByOffer } from '#db/queries/recruiter-applications.ts'
import { findMemberCompany, listCompanyOffers } from '#db/queries/recruiter-offers.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { formatCount, formatDate, OFFER_STATUS_LABELS } from '../utils/labels.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import type { Route } from './+types/recruiter-company-offers'
import { TableScroll } from '../components/table-scroll.tsx'

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireRecruiter(request, context.db)
  // Another company's page answers 404, as if it did not exist.
  const company = await findMemberCompany(context.db, user.id, params.slug)
  invariantResponse(company, 'Entreprise introuvable dans votre espace.')
  const [offers, applications] = await Promise.all([
    listCompanyOffers(context.db, user.id, company.slug),
    countApplicationsByOffer(context.db, user.id, company.slug),
  ])
  return {
    company,
    offers: offers.map((o) => ({ ...o, statusLabel: OFFER_STATUS_LABELS[o.status], applications: applications.get(o.id) ?? 0 })),
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Offres de ${data?.company.name ?? ''} – Passerelle` }]

export default function CompanyOffers({ loaderData }: Route.ComponentProps) {
  const { company, offers } = loaderData
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
      {offers.length === 0 ? (
        <p>Aucune offre pour l’instant.</p>
      ) : (
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
      )}
    </section>
  )
}

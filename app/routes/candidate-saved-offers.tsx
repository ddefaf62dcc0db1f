import { Link } from 'react-router'
import { listSavedOffers } from '#db/queries/saved-offers.ts'
import { AppliedMark } from '../components/applied-mark.tsx'
import { SaveOfferButton } from '../components/save-offer-button.tsx'
import { CONTRACT_LABELS, formatDate } from '../utils/labels.ts'
import { requireCandidate } from '../utils/session.server.ts'
import type { Route } from './+types/candidate-saved-offers'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireCandidate(request, context.db)
  const offers = await listSavedOffers(context.db, user.id, new Date())
  return {
    offers: offers.map((o) => ({
      id: o.id, slug: o.slug, title: o.title, company: o.company_name, commune: o.commune, contract: CONTRACT_LABELS[o.contract_type],
      savedAt: o.saved_at, appliedAt: o.applied_at, withdrawnAt: o.withdrawn_at, public: o.public === 1,
    })),
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'Offres sauvegardées – Passerelle' }]

export default function SavedOffers({ loaderData }: Route.ComponentProps) {
  const { offers } = loaderData
  return (
    <section className="auth-page" aria-labelledby="titre-sauvegardees">
      <h1 id="titre-sauvegardees">Offres sauvegardées</h1>
      {offers.length === 0 ? (
        <p>
          Aucune offre sauvegardée. Sur une offre ou dans les résultats, « Sauvegarder » la garde ici pour plus tard.{' '}
          <Link to="/offres">Parcourir les offres</Link>
        </p>
      ) : (
        <ol className="offer-list">
          {offers.map((o) => (
            <li key={o.id} className="offer-card">
              <h2 className="offer-card__title">
                {/* A closed or expired offer has no public page any more: its title stays, unlinked. */}
                {o.public ? <Link to={`/offres/${o.slug}`}>{o.title}</Link> : o.title}
              </h2>
              <p className="offer-card__meta">{o.company} · {o.commune} · {o.contract}</p>
              <p className="offer-card__date">
                Sauvegardée le {formatDate(o.savedAt)}{o.public ? '' : ' · cette offre n’est plus en ligne'}
              </p>
              <div className="offer-card__marks">
                <AppliedMark mark={o} />
                {o.public && !o.appliedAt ? <Link to={`/offres/${o.slug}/postuler`} className="button">Postuler</Link> : null}
                <SaveOfferButton slug={o.slug} title={o.title} saved />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

import { Link } from 'react-router'
import { findOwnMatchingReadiness, listOfferCards } from '#db/queries/matches.ts'
import { offerMarks } from '#db/queries/saved-offers.ts'
import { AppliedMark } from '../components/applied-mark.tsx'
import { MatchExplanation } from '../components/match-reasons.tsx'
import { SaveOfferButton } from '../components/save-offer-button.tsx'
import { CONTRACT_LABELS } from '../utils/labels.ts'
import { requireCandidate } from '../utils/session.server.ts'
import type { Route } from './+types/candidate-matches'

const LIMIT = 20

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireCandidate(request, context.db)
  const readiness = await findOwnMatchingReadiness(context.db, user.id)
  // The candidate's own profile is read whatever its visibility: only recruiters need consent.
  const matches = readiness?.skills ? await context.search.offersForCandidate(user.id, { limit: LIMIT }) : []
  const ids = matches.map((m) => m.offerId)
  const [cardRows, marks] = await Promise.all([listOfferCards(context.db, ids), offerMarks(context.db, user.id, ids)])
  const cards = new Map(cardRows.map((c) => [c.id, c]))
  return {
    readiness,
    offers: matches.flatMap((m) => {
      const card = cards.get(m.offerId)
      const mark = marks.get(m.offerId) ?? { saved: false, appliedAt: null, withdrawnAt: null }
      return card ? [{ ...card, contract: CONTRACT_LABELS[card.contract_type], score: m.score, reasons: m.reasons, mark }] : []
    }),
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'Offres pour vous – Passerelle' }]

export default function CandidateMatches({ loaderData }: Route.ComponentProps) {
  const { readiness, offers } = loaderData
  return (
    <section className="auth-page" aria-labelledby="titre-offres-pour-vous">
      <h1 id="titre-offres-pour-vous">Offres pour vous</h1>
      <p>
        Les offres publiées qui correspondent le mieux à <Link to="/candidat/profil">votre profil</Link> : compétences, distance,
        contrat souhaité, disponibilité et niveau.
      </p>
      {!readiness ? (
        <p className="notices">Remplissez d’abord <Link to="/candidat/profil">votre profil</Link> pour recevoir des offres adaptées.</p>
      ) : readiness.skills === 0 ? (
        <p className="notices">Ajoutez vos compétences à <Link to="/candidat/profil">votre profil</Link> : c’est d’abord sur elles que les offres sont choisies.</p>
      ) : offers.length === 0 ? (
        <p className="empty">Aucune offre publiée ne correspond à vos compétences pour l’instant. <Link to="/offres">Parcourir toutes les offres</Link></p>
      ) : (
        <ol className="offer-list">
          {offers.map((o) => (
            <li key={o.id} className="offer-card">
              <h2 className="offer-card__title"><Link to={`/offres/${o.slug}`}>{o.title}</Link></h2>
              <p className="offer-card__meta">{o.company_name} · {o.commune} · {o.contract}</p>
              <MatchExplanation score={o.score} reasons={o.reasons} />
              <div className="offer-card__marks">
                <AppliedMark mark={o.mark} />
                <SaveOfferButton slug={o.slug} title={o.title} saved={o.mark.saved} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

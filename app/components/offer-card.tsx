import { Link } from 'react-router'
import type { OfferMark } from '#db/queries/saved-offers.ts'
import type { OfferHit } from '#search/types.ts'
import { CONTRACT_LABELS, formatDate, formatSalary, remoteLabelOf } from '../utils/labels.ts'
import { AppliedMark } from './applied-mark.tsx'
import { SaveOfferButton } from './save-offer-button.tsx'

/**
 * `headingLevel`: 2 under a page's h1 (results), 3 under a section's h2 (home).
 * `mark`: given for a signed-in candidate only (never on a page anonymous visitors share): saved, applied.
 */
export function OfferCard({ offer, headingLevel = 2, mark, saveFormId }: {
  offer: OfferHit
  headingLevel?: 2 | 3
  mark?: OfferMark
  /** The id of a `SaveOfferForm` outside the form the card sits in, if it sits in one. */
  saveFormId?: string
}) {
  const salary = formatSalary(offer.salary)
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <article className="offer-card">
      <Heading className="offer-card__title">
        <Link to={`/offres/${offer.slug}`}>{offer.title}</Link>
      </Heading>
      <p className="offer-card__meta">
        {offer.company.unlisted ? offer.company.name : <Link to={`/entreprises/${offer.company.slug}`}>{offer.company.name}</Link>}
        {' · '}
        {offer.commune.name}
        {offer.distanceKm !== null ? ` (à ${offer.distanceKm.toLocaleString('fr-FR')} km)` : null}
      </p>
      <ul className="tags" aria-label="Caractéristiques">
        <li className="tag tag--contract">{CONTRACT_LABELS[offer.contractType]}</li>
        <li className="tag">{remoteLabelOf(offer)}</li>
        {salary ? <li className="tag tag--salary">{salary}</li> : null}
      </ul>
      {offer.skills.length > 0 ? (
        <p className="offer-card__skills">
          <span className="visually-hidden">Compétences demandées : </span>
          {offer.skills.join(' · ')}
        </p>
      ) : null}
      <p className="offer-card__date">Publiée le {formatDate(offer.publishedAt)}</p>
      {mark ? (
        <div className="offer-card__marks">
          <AppliedMark mark={mark} />
          <SaveOfferButton slug={offer.slug} title={offer.title} saved={mark.saved} formId={saveFormId} />
        </div>
      ) : null}
    </article>
  )
}

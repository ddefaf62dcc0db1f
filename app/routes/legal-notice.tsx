import { Link } from 'react-router'
import { legalOperator } from '../utils/legal.server.ts'
import type { Route } from './+types/legal-notice'

export function loader() {
  return { operator: legalOperator() }
}

export const meta: Route.MetaFunction = () => [{ title: 'Mentions légales – Passerelle' }]

/** Loi n° 2004-575 du 21 juin 2004 (LCEN), article 6 : who publishes and who hosts the board. */
export default function LegalNotice({ loaderData }: Route.ComponentProps) {
  const { operator } = loaderData
  return (
    <article className="offer-page legal-page" aria-labelledby="titre-mentions">
      <h1 id="titre-mentions">Mentions légales</h1>
      <h2>Éditeur</h2>
      <p>
        Passerelle est éditée par {operator.OPERATOR_NAME}, {operator.OPERATOR_ADDRESS}
        {operator.OPERATOR_SIREN ? `, SIREN ${operator.OPERATOR_SIREN}` : ''}.
        <br />
        Contact : <a href={`mailto:${operator.OPERATOR_EMAIL}`}>{operator.OPERATOR_EMAIL}</a>
      </p>
      <h2>Direction de la publication</h2>
      <p>{operator.OPERATOR_DIRECTOR}</p>
      <h2>Hébergement</h2>
      <p>{operator.OPERATOR_HOST}</p>
      <h2>Contenus</h2>
      <p>
        Les offres sont publiées sous la responsabilité des entreprises qui les déposent ; celles d’entreprises non vérifiées
        sont relues par la modération avant publication. Chaque offre peut être signalée avec le lien « Signaler cette offre ».
      </p>
      <p>
        Voir aussi la <Link to="/confidentialite">politique de confidentialité</Link> et les{' '}
        <Link to="/conditions-utilisation">conditions d’utilisation</Link>.
      </p>
    </article>
  )
}

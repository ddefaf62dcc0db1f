import { Link } from 'react-router'
import { legalOperator } from '../utils/legal.server.ts'
import type { Route } from './+types/terms'

export function loader() {
  return { operator: legalOperator() }
}

export const meta: Route.MetaFunction = () => [{ title: 'Conditions d’utilisation – Passerelle' }]

export default function Terms({ loaderData }: Route.ComponentProps) {
  const { operator } = loaderData
  return (
    <article className="offer-page legal-page" aria-labelledby="titre-conditions">
      <h1 id="titre-conditions">Conditions d’utilisation</h1>
      <h2>Le service</h2>
      <p>
        Passerelle, édité par {operator.OPERATOR_NAME}, met en relation les personnes qui cherchent un emploi, un stage ou une alternance
        dans le numérique et les entreprises du territoire, et permet d’organiser des forums de recrutement. Il est gratuit pour les candidat·es.
      </p>
      <h2>Votre compte</h2>
      <p>
        Vous donnez des informations exactes et gardez votre mot de passe pour vous. Vous pouvez supprimer votre compte à tout moment
        depuis <Link to="/compte">Mon compte</Link>.
      </p>
      <h2>Les entreprises</h2>
      <p>
        Une entreprise publie de vraies offres, pour des postes qu’elle pourvoit elle-même, sans critère discriminatoire (article L1132-1
        du Code du travail), et n’utilise les profils qu’elle voit que pour recruter. Les offres d’une entreprise non vérifiée sont relues avant
        publication ; la modération peut refuser ou retirer une offre, en disant pourquoi.
      </p>
      <h2>Signaler un abus</h2>
      <p>
        Chaque offre porte un lien « Signaler cette offre ». Pour tout autre problème, écrivez à{' '}
        <a href={`mailto:${operator.OPERATOR_EMAIL}`}>{operator.OPERATOR_EMAIL}</a>.
      </p>
      <h2>Responsabilité</h2>
      <p>
        Nous faisons notre possible pour que le service soit disponible et exact, sans pouvoir le garantir ; le contenu des offres engage
        les entreprises qui les publient. Ces conditions relèvent du droit français.
      </p>
      <p>
        Vos données : voir la <Link to="/confidentialite">politique de confidentialité</Link>. Éditeur et hébergeur : voir les{' '}
        <Link to="/mentions-legales">mentions légales</Link>.
      </p>
    </article>
  )
}

import { Link } from 'react-router'
import type { Route } from './+types/account-deleted'

// Public on purpose: the session is gone by the time this page is shown, and it says nothing about anyone.
export const meta: Route.MetaFunction = () => [{ title: 'Compte supprimé – Passerelle' }]

export default function AccountDeleted() {
  return (
    <section className="auth-page" aria-labelledby="titre-compte-supprime">
      <h1 id="titre-compte-supprime">Compte supprimé</h1>
      <p role="status">
        Votre compte et vos données personnelles ont été supprimés. Vos candidatures restent connues des entreprises,
        mais sans votre nom ni vos messages.
      </p>
      <p>
        <Link to="/offres">Voir les offres</Link> · <Link to="/inscription">Créer un nouveau compte</Link>
      </p>
    </section>
  )
}

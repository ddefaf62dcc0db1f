import { Form, Link, useSearchParams } from 'react-router'
import { findAccount } from '#db/queries/personal-data.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { formatDate, ROLE_LABELS } from '../utils/labels.ts'
import { SELF_SERVICE_REFUSED } from '../utils/account-roles.server.ts'
import { requireUser } from '../utils/session.server.ts'
import type { Route } from './+types/account'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context.db)
  const account = await findAccount(context.db, user.id)
  invariantResponse(account, 'Ce compte n’existe plus.')
  return {
    account: { email: account.email, displayName: account.display_name, role: account.role, createdAt: account.created_at },
    refusal: account.role === 'candidate' ? null : SELF_SERVICE_REFUSED,
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'Mon compte – Passerelle' }]

export default function Account({ loaderData }: Route.ComponentProps) {
  const { account, refusal } = loaderData
  const [params] = useSearchParams()
  return (
    <section className="auth-page" aria-labelledby="titre-compte">
      <h1 id="titre-compte">Mon compte</h1>
      {params.get('motDePasse') === 'modifie' ? (
        <p role="status" className="form-success">Votre mot de passe a été changé ; vos autres appareils ont été déconnectés.</p>
      ) : null}
      <dl className="facts">
        {(
          [
            ['Nom', account.displayName],
            ['Adresse e-mail', account.email],
            ['Type de compte', ROLE_LABELS[account.role]],
            ['Inscription', formatDate(account.createdAt)],
          ] as const
        ).map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to="/compte/mot-de-passe">Changer mon mot de passe</Link>
      </p>
      <p>
        <Link to="/compte/alertes">Mes alertes</Link> · <Link to="/compte/notifications">Mes notifications par e-mail</Link>
      </p>
      <Form method="post" action="/deconnexion">
        <input type="hidden" name="intent" value="everywhere" />
        <p>
          Un appareil perdu, un ordinateur partagé ? Fermez toutes vos sessions, celle-ci comprise.
        </p>
        <button type="submit" className="button button--secondary">Se déconnecter de tous les appareils</button>
      </Form>
      <h2>Vos données personnelles</h2>
      {refusal ? (
        <p>{refusal}</p>
      ) : (
        <>
          <p>
            Téléchargez en un fichier tout ce que Passerelle conserve à votre sujet : compte, profil, compétences,
            langues, candidatures, signalements et CV.
          </p>
          <p>
            {/* A resource route: a plain link, so the browser downloads the file. */}
            <a className="button button--secondary" href="/compte/donnees.json" download>Télécharger mes données</a>
          </p>
          <p>
            Pour ne plus être visible des recruteurs, retirez votre consentement depuis{' '}
            <Link to="/candidat/profil">votre profil</Link>.
          </p>
          <p>
            Sans connexion pendant deux ans, votre compte est supprimé ; nous vous prévenons par e-mail un mois avant.
          </p>
          <p>
            <Link className="button" to="/compte/supprimer">Supprimer mon compte</Link>
          </p>
        </>
      )}
    </section>
  )
}

import { data, Form, Link } from 'react-router'
import { deleteAlertByToken, findAlertByToken } from '#db/queries/alerts.ts'
import type { Route } from './+types/alert-unsubscribe'

/**
 * Unsubscribing from an alert, by the link of its mails. The same URL is the
 * mails' List-Unsubscribe header: with List-Unsubscribe-Post (RFC 8058), the
 * mail provider POSTs `List-Unsubscribe=One-Click` here, without cookie nor
 * same-site Origin (server/request-guard.ts lets this one path through: the
 * token in the URL is the only authority, and stopping mail is harmless).
 * The page itself asks for a click, since scanners follow GET links.
 */
const tokenOf = (request: Request) => (new URL(request.url).searchParams.get('jeton') ?? '').slice(0, 100)

export async function loader({ request, context }: Route.LoaderArgs) {
  const alert = await findAlertByToken(context.db, tokenOf(request))
  return { label: alert?.label ?? null }
}

export async function action({ request, context }: Route.ActionArgs) {
  const deleted = await deleteAlertByToken(context.db, tokenOf(request))
  // Twice is fine: the second one-click POST finds nothing to delete, and says so without an error.
  return data({ deleted }, { status: 200 })
}

export const meta: Route.MetaFunction = () => [{ title: 'Arrêter une alerte – Passerelle' }]

export default function UnsubscribeAlert({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <section className="auth-page" aria-labelledby="titre-desabonnement">
      <h1 id="titre-desabonnement">Arrêter une alerte</h1>
      {actionData ? (
        <p role="status" className="form-success">
          {actionData.deleted ? 'C’est fait : cette alerte est supprimée, vous ne recevrez plus ses e-mails.' : 'Cette alerte était déjà supprimée : vous ne recevrez plus ses e-mails.'}
        </p>
      ) : loaderData.label === null ? (
        <p>Cette alerte n’existe plus : vous ne recevrez plus ses e-mails.</p>
      ) : (
        <>
          <p>Recherche : <strong>{loaderData.label}</strong></p>
          <Form method="post">
            <button type="submit" className="button">Ne plus recevoir cette alerte</button>
          </Form>
        </>
      )}
      <p><Link to="/offres">Voir les offres</Link></p>
    </section>
  )
}

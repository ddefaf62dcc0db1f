import { data, Form, Link } from 'react-router'
import { confirmAlert, findAlertByToken } from '#db/queries/alerts.ts'
import type { Route } from './+types/alert-confirm'

/**
 * The double opt-in: the link of the confirmation mail opens this page, and
 * the alert is confirmed by its button (a POST), never by the GET alone, which
 * mail scanners follow without anyone reading the mail.
 */
const tokenOf = (request: Request) => (new URL(request.url).searchParams.get('jeton') ?? '').slice(0, 100)

export async function loader({ request, context }: Route.LoaderArgs) {
  const alert = await findAlertByToken(context.db, tokenOf(request))
  return alert ? { label: alert.label, confirmed: alert.status !== 'pending' } : { label: null, confirmed: false }
}

export async function action({ request, context }: Route.ActionArgs) {
  if (!(await confirmAlert(context.db, tokenOf(request), new Date()))) {
    throw data('Ce lien de confirmation ne correspond à aucune alerte : elle a peut-être été supprimée.', { status: 404 })
  }
  return { confirmed: true }
}

export const meta: Route.MetaFunction = () => [{ title: 'Confirmer une alerte – Passerelle' }]

export default function ConfirmAlert({ loaderData, actionData }: Route.ComponentProps) {
  const confirmed = actionData?.confirmed ?? loaderData.confirmed
  if (loaderData.label === null) {
    return (
      <section className="auth-page" aria-labelledby="titre-confirmation">
        <h1 id="titre-confirmation">Lien de confirmation inconnu</h1>
        <p>Ce lien ne correspond à aucune alerte : elle a peut-être été supprimée. Vous pouvez en créer une depuis une <Link to="/offres">recherche</Link>.</p>
      </section>
    )
  }
  return (
    <section className="auth-page" aria-labelledby="titre-confirmation">
      <h1 id="titre-confirmation">{confirmed ? 'Alerte active' : 'Confirmer votre alerte'}</h1>
      <p>Recherche : <strong>{loaderData.label}</strong></p>
      {confirmed ? (
        <p role="status" className="form-success">
          Votre alerte est active : vous recevrez les nouvelles offres de cette recherche par e-mail. Chaque e-mail contient un lien pour l’arrêter.
        </p>
      ) : (
        <Form method="post">
          <button type="submit" className="button">Confirmer mon alerte</button>
        </Form>
      )}
      <p><Link to="/offres">Voir les offres</Link></p>
    </section>
  )
}

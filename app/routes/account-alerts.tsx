import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { deleteAlertOf, listAlertsOf, setAlertFrequencyOf, setAlertPausedOf, setAlertSearchOf } from '#db/queries/alerts.ts'
import { alertLabel, canonicalAlertSearch, FREQUENCY_LABELS, ManageAlertSchema } from '../utils/alert-schemas.ts'
import { withFlash, type FlashKey } from '../utils/flash.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { formatDate } from '../utils/labels.ts'
import { requireUser } from '../utils/session.server.ts'
import { EDITED_ALERT_PARAM } from '../components/alert-button.tsx'
import type { Route } from './+types/account-alerts'

const STATUS_LABELS = { active: 'Active', paused: 'En pause', pending: 'En attente de confirmation' } as const

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context.db)
  return { alerts: await listAlertsOf(context.db, user.id) }
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireUser(request, context.db)
  const submission = parseWithZod(await request.formData(), { schema: ManageAlertSchema })
  if (submission.status !== 'success') {
    return data({ error: Object.values(submission.error ?? {}).flat()[0] ?? 'Demande invalide.' }, { status: 400 })
  }
  const now = new Date()
  const { intent, alerte } = submission.value
  let done: boolean
  let flash: FlashKey
  switch (intent) {
    case 'pause':
    case 'resume':
      done = await setAlertPausedOf(context.db, user.id, alerte, intent === 'pause', now)
      flash = intent === 'pause' ? 'alerte-pausee' : 'alerte-reprise'
      break
    case 'delete':
      done = await deleteAlertOf(context.db, user.id, alerte)
      flash = 'alerte-supprimee'
      break
    case 'frequency':
      done = await setAlertFrequencyOf(context.db, user.id, alerte, submission.value.frequence, now)
      flash = 'alerte-modifiee'
      break
    case 'search': {
      // Offers already mailed stay recorded; the window still starts at the last sending, so the new search mails only new offers.
      const search = canonicalAlertSearch(submission.value.recherche)
      done = await setAlertSearchOf(context.db, user.id, alerte, search, alertLabel(search))
      flash = 'alerte-recherche'
      break
    }
  }
  // Another account's alert, or one already deleted: the same 404.
  invariantResponse(done, 'Cette alerte n’existe pas.')
  throw redirect(withFlash('/compte/alertes', flash))
}

export const meta: Route.MetaFunction = () => [{ title: 'Mes alertes – Passerelle' }]

export default function AccountAlerts({ loaderData, actionData }: Route.ComponentProps) {
  const { alerts } = loaderData
  return (
    <section className="auth-page" aria-labelledby="titre-alertes">
      <h1 id="titre-alertes">Mes alertes</h1>
      {actionData?.error ? <p role="alert" className="form-errors">{actionData.error}</p> : null}
      <p>
        Une alerte vous envoie par e-mail les nouvelles offres d’une recherche. Pour en créer une, faites une{' '}
        <Link to="/offres">recherche</Link> puis choisissez « Créer une alerte ».
      </p>
      {alerts.length === 0 ? (
        <p>Vous n’avez pas d’alerte.</p>
      ) : (
        <ul className="alert-list">
          {alerts.map((a) => (
            <li key={a.id} className="card">
              <h2>
                <Link to={`/offres${a.search ? `?${a.search}` : ''}`}>{a.label}</Link>
              </h2>
              <p>
                {STATUS_LABELS[a.status]} · {FREQUENCY_LABELS[a.frequency].toLowerCase()} · créée le {formatDate(a.created_at)}
                {a.last_sent_at ? ` · dernier envoi le ${formatDate(a.last_sent_at)}` : ''}
              </p>
              <p>
                <Link to={`/offres?${new URLSearchParams([...new URLSearchParams(a.search), [EDITED_ALERT_PARAM, String(a.id)]])}`}>
                  Modifier la recherche<span className="visually-hidden"> de « {a.label} »</span>
                </Link>
              </p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="frequency" />
                <input type="hidden" name="alerte" value={a.id} />
                <label htmlFor={`frequence-${a.id}`}>Fréquence</label>{' '}
                <select id={`frequence-${a.id}`} name="frequence" defaultValue={a.frequency}>
                  {Object.entries(FREQUENCY_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>{label}</option>
                  ))}
                </select>{' '}
                <button type="submit" className="button button--secondary">
                  Enregistrer<span className="visually-hidden"> la fréquence de « {a.label} »</span>
                </button>
              </Form>
              <Form method="post" className="inline-form">
                <input type="hidden" name="alerte" value={a.id} />
                {a.status === 'paused' ? (
                  <button type="submit" name="intent" value="resume" className="button button--secondary">
                    Reprendre<span className="visually-hidden"> « {a.label} »</span>
                  </button>
                ) : (
                  <button type="submit" name="intent" value="pause" className="button button--secondary">
                    Mettre en pause<span className="visually-hidden"> « {a.label} »</span>
                  </button>
                )}{' '}
                <button type="submit" name="intent" value="delete" className="button button--secondary">
                  Supprimer<span className="visually-hidden"> « {a.label} »</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <p><Link to="/compte/notifications">Mes notifications par e-mail</Link></p>
    </section>
  )
}

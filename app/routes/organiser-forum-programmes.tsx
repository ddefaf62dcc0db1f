import { data, Form, Link, redirect } from 'react-router'
import { findOrganiserProgrammeForum } from '#db/queries/forum-programme.ts'
import { FormErrors } from '../components/field.tsx'
import { withFlash } from '../utils/flash.ts'
import { programmeRecipients, sendProgrammes } from '../utils/forum-programme-mails.server.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { formatCount, formatDay } from '../utils/labels.ts'
import { requireOrganiser } from '../utils/session.server.ts'
import type { Route } from './+types/organiser-forum-programmes'

async function loadOwnForum(request: Request, slug: string, db: Route.LoaderArgs['context']['db']) {
  const user = await requireOrganiser(request, db)
  const forum = await findOrganiserProgrammeForum(db, user, slug)
  invariantResponse(forum, 'Forum introuvable dans votre espace.')
  return { user, forum }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, forum } = await loadOwnForum(request, params.slug, context.db)
  const recipients = await programmeRecipients(context.db, user, forum, context.publicUrl)
  return {
    forum: { slug: forum.slug, name: forum.name, date: forum.date },
    total: recipients.length,
    upToDate: recipients.filter((r) => r.upToDate).length,
  }
}

/** E-mails every participant their programme; a programme already sent as it stands is not sent again. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, forum } = await loadOwnForum(request, params.slug, context.db)
  const formData = await request.formData()
  if (formData.get('intent') !== 'send') return data({ error: 'Action inconnue : rechargez la page et réessayez.' }, { status: 400 })
  const recipients = await programmeRecipients(context.db, user, forum, context.publicUrl)
  if (recipients.length === 0) return data({ error: 'Aucun programme à envoyer : calculez d’abord le planning.' }, { status: 409 })
  const outcome = await sendProgrammes(context.db, context.mailer, recipients, forum.id, new Date())
  if (outcome.failed) {
    return data({ error: `L’envoi s’est interrompu après ${formatCount(outcome.sent, 'programme', 'programmes')} : le serveur de courriel ne répond pas. Réessayez : seuls les autres partiront.` }, { status: 503 })
  }
  return redirect(withFlash(`/organisation/forums/${forum.slug}/programmes`, 'programmes-envoyes'))
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Programmes – ${data?.forum.name ?? 'Forum'} – Passerelle` }]

export default function ForumProgrammes({ loaderData, actionData }: Route.ComponentProps) {
  const { forum, total, upToDate } = loaderData
  const toSend = total - upToDate
  return (
    <section className="auth-page" aria-labelledby="titre-programmes">
      <p className="breadcrumb"><Link to={`/organisation/forums/${forum.slug}`}>{forum.name}</Link></p>
      <h1 id="titre-programmes">Envoyer les programmes</h1>
      <p>Forum du {formatDay(forum.date)}.</p>
      <FormErrors id="erreur-programmes" errors={actionData?.error ? [actionData.error] : undefined} />
      {total === 0 ? (
        <p>Aucun entretien planifié : <Link to={`/organisation/forums/${forum.slug}/planning`}>calculez d’abord le planning</Link>.</p>
      ) : (
        <>
          <p>
            Chaque candidat·e reçoit par e-mail ses entretiens (heure, table, entreprise, offre) et le lien de son programme à imprimer ou
            à ajouter à son agenda ; chaque recruteur·se des entreprises présentes reçoit les entretiens de son entreprise.
          </p>
          <p role="status">
            {formatCount(total, 'participant·e', 'participant·es')} :{' '}
            {toSend === 0 ? 'tous les programmes sont à jour.' : `${formatCount(toSend, 'programme', 'programmes')} à envoyer`}
            {upToDate > 0 && toSend > 0 ? `, ${formatCount(upToDate, 'déjà reçu', 'déjà reçus')} tel quel` : ''}
            {toSend > 0 ? '.' : ''}
          </p>
          <p className="field__hint">
            Envoyer de nouveau ne renvoie que les programmes nouveaux ou modifiés depuis le dernier envoi (un entretien déplacé,
            ajouté ou retiré) : personne ne reçoit deux fois le même.
          </p>
          <Form method="post">
            <button type="submit" name="intent" value="send" className="button" disabled={toSend === 0}>
              {upToDate > 0 ? 'Envoyer les programmes modifiés' : 'Envoyer les programmes'}
            </button>
          </Form>
        </>
      )}
    </section>
  )
}

import { getFormProps, getInputProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { answerOwnContactRequest, listOwnContactRequests } from '#db/queries/contact-requests.ts'
import { FormErrors } from '../components/field.tsx'
import { ContactAnswerSchema } from '../utils/contact-schemas.ts'
import { formatDate } from '../utils/labels.ts'
import { requireCandidate } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/candidate-contacts'
import { withFlash } from '../utils/flash.ts'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireCandidate(request, context.db)
  return { requests: await listOwnContactRequests(context.db, user.id) }
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireCandidate(request, context.db)
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: ContactAnswerSchema })
  if (submission.status !== 'success') {
    return data({ requestId: String(formData.get('requestId') ?? ''), result: submission.reply() }, { status: 400 })
  }
  const { requestId, answer } = submission.value
  const answered = await answerOwnContactRequest(context.db, user.id, requestId, answer === 'accept', new Date())
  if (!answered) {
    // Someone else's request, an unknown id or one already answered: the same answer, so ids reveal nothing.
    return data(
      { requestId: String(requestId), result: submission.reply({ formErrors: ['Cette demande n’existe pas ou a déjà reçu une réponse.'] }) },
      { status: 404 },
    )
  }
  return redirect(withFlash('/candidat/contacts', answer === 'accept' ? 'acceptee' : 'refusee'))
}

export const meta: Route.MetaFunction = () => [{ title: 'Demandes de contact – Passerelle' }]

const STATUS_LABELS = { pending: 'En attente de votre réponse', accepted: 'Acceptée', declined: 'Refusée' } as const

export default function CandidateContacts({ loaderData, actionData }: Route.ComponentProps) {
  const { requests } = loaderData
  return (
    <section className="auth-page" aria-labelledby="titre-contacts">
      <h1 id="titre-contacts">Demandes de contact</h1>
      <p>
        Des recruteurs d’entreprises vérifiées ont trouvé votre profil et souhaitent vous contacter. Tant que vous n’acceptez pas,
        ils ne voient ni votre nom de famille, ni votre e-mail, ni votre CV.
      </p>
      {requests.length === 0 ? (
        <p>Aucune demande pour l’instant. <Link to="/candidat/offres-pour-vous">Voir les offres pour vous</Link></p>
      ) : (
        <ol className="offer-list">
          {requests.map((r) => (
            <li key={r.id} className="match-profile" aria-labelledby={`demande-${r.id}`}>
              <h2 id={`demande-${r.id}`} className="offer-card__title">{r.company_name}</h2>
              <p className="offer-card__meta">
                {r.offer_title
                  ? <>À propos de {r.offer_status === 'published' ? <Link to={`/offres/${r.offer_slug}`}>{r.offer_title}</Link> : r.offer_title} · </>
                  : null}
                reçue le {formatDate(r.created_at)}
              </p>
              <p className="application-message">{r.message}</p>
              <p className="status">{STATUS_LABELS[r.status]}{r.answered_at ? ` le ${formatDate(r.answered_at)}` : ''}</p>
              {r.status === 'pending' ? (
                <AnswerForm requestId={r.id} company={r.company_name}
                  lastResult={actionData?.requestId === String(r.id) ? actionData.result : undefined} />
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {actionData && !requests.some((r) => String(r.id) === actionData.requestId && r.status === 'pending') ? (
        <FormErrors id="erreur-demande" errors={actionData.result.error?.[''] ?? ['Cette demande n’existe pas ou a déjà reçu une réponse.']} />
      ) : null}
    </section>
  )
}

function AnswerForm({ requestId, company, lastResult }: { requestId: number; company: string; lastResult: Parameters<typeof useZodForm>[1]['lastResult'] }) {
  const [form, fields] = useZodForm(ContactAnswerSchema, { lastResult, defaultValue: { requestId: String(requestId) } })
  return (
    <Form method="post" {...getFormProps(form)} aria-label={`Réponse à ${company}`} className="actions">
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.requestId.errors ?? []), ...(fields.answer.errors ?? [])]} />
      <input {...getInputProps(fields.requestId, { type: 'hidden' })} key={fields.requestId.key} />
      <button type="submit" className="button" name="answer" value="accept">Accepter et partager mes coordonnées</button>{' '}
      <button type="submit" className="button button--secondary" name="answer" value="decline">Refuser</button>
    </Form>
  )
}

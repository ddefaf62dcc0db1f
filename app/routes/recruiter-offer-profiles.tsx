import { getFormProps, getInputProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { findOfferForMatching, listMatchedProfiles, sendContactRequest } from '#db/queries/contact-requests.ts'
import { FormErrors, TextAreaField } from '../components/field.tsx'
import { MatchExplanation } from '../components/match-reasons.tsx'
import { trainingOf } from '../utils/applicant.ts'
import { RouteId } from '../utils/application-schemas.ts'
import { notifyContactRequest } from '../utils/contact-mail.server.ts'
import { ContactRequestSchema } from '../utils/contact-schemas.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/recruiter-offer-profiles'
import { withFlash } from '../utils/flash.ts'

const LIMIT = 30
const NOT_FOUND = 'Offre introuvable dans votre espace.'

async function loadOwnOffer(request: Request, id: string, db: Route.LoaderArgs['context']['db']) {
  const user = await requireRecruiter(request, db)
  const offerId = RouteId.safeParse(id)
  // Not found, whether the offer does not exist or belongs to another company.
  const offer = offerId.success ? await findOfferForMatching(db, user.id, offerId.data) : undefined
  invariantResponse(offer, NOT_FOUND)
  return { user, offer }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, offer } = await loadOwnOffer(request, params.id, context.db)
  const canMatch = Boolean(offer.verified) && offer.status === 'published'
  const matches = canMatch ? await context.search.candidatesForOffer(offer.id, { limit: LIMIT }) : []
  const profiles = new Map((await listMatchedProfiles(context.db, user.id, offer.id, matches.map((m) => m.userId))).map((p) => [p.user_id, p]))
  return {
    offer: { id: offer.id, title: offer.title, status: offer.status, verified: Boolean(offer.verified), companySlug: offer.company_slug,
      companyName: offer.company_name },
    profiles: matches.flatMap((m) => {
      const p = profiles.get(m.userId)
      if (!p) return []
      return [{
        id: p.user_id,
        // First name and initial until the candidate accepts: the full name and e-mail come with the acceptance.
        name: p.last_name ? `${p.first_name} ${p.last_name}` : `${p.first_name} ${p.last_initial}.`,
        email: p.email,
        training: trainingOf(p),
        commune: p.commune,
        skills: JSON.parse(p.skills) as string[],
        contactStatus: p.contact_status,
        score: m.score,
        reasons: m.reasons,
      }]
    }),
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, offer } = await loadOwnOffer(request, params.id, context.db)
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: ContactRequestSchema })
  if (submission.status !== 'success') {
    return data({ candidateId: String(formData.get('candidateId') ?? ''), result: submission.reply() }, { status: 400 })
  }
  const outcome = await sendContactRequest(context.db, user.id, { offerId: offer.id, ...submission.value }, new Date())
  // A profile that is not shown to this company (private, unknown, company not verified) is not found either.
  invariantResponse(outcome.status !== 'not-found', 'Profil introuvable ou plus visible.')
  if (outcome.status === 'already') {
    return data(
      { candidateId: String(submission.value.candidateId), result: submission.reply({ formErrors: ['Votre entreprise a déjà contacté cette personne.'] }) },
      { status: 409 },
    )
  }
  await notifyContactRequest(context.mailer, context.publicUrl, outcome.notice)
  return redirect(withFlash(`/recruteur/offres/${offer.id}/profils#profil-${submission.value.candidateId}`, 'contact'))
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Profils correspondants – ${data?.offer.title ?? 'Offre'} – Passerelle` }]

const STATUS_LABELS = {
  pending: 'Demande de contact envoyée, en attente de réponse.',
  accepted: 'Demande acceptée.',
  declined: 'Demande de contact refusée.',
} as const

export default function OfferProfiles({ loaderData, actionData }: Route.ComponentProps) {
  const { offer, profiles } = loaderData
  return (
    <section className="company-page" aria-labelledby="titre-profils">
      <p className="breadcrumb">
        <Link to={`/recruteur/entreprises/${offer.companySlug}/offres`}>Offres de {offer.companyName}</Link> ·{' '}
        <Link to={`/recruteur/offres/${offer.id}`}>{offer.title}</Link>
      </p>
      <h1 id="titre-profils">Profils correspondants à « {offer.title} »</h1>
      <p>
        Seuls les candidats et candidates qui ont accepté d’être visibles des recruteurs vérifiés apparaissent. Leur nom complet et
        leur e-mail vous sont donnés quand ils acceptent votre demande de contact.
      </p>
      {!offer.verified ? (
        <p className="notices">Les profils sont réservés aux entreprises vérifiées par l’équipe Passerelle.</p>
      ) : offer.status !== 'published' ? (
        <p className="notices">Publiez l’offre pour voir les profils qui lui correspondent.</p>
      ) : profiles.length === 0 ? (
        <p className="empty">Aucun profil visible ne correspond à cette offre pour l’instant.</p>
      ) : (
        <ol className="offer-list">
          {profiles.map((p) => (
            <li key={p.id} id={`profil-${p.id}`} className="match-profile">
              <h2 className="offer-card__title">{p.name}</h2>
              <p className="offer-card__meta">{p.training || 'Formation non renseignée'} · {p.commune ?? 'Commune non renseignée'}</p>
              <p className="offer-card__skills">Compétences : {p.skills.length ? p.skills.join(', ') : 'non renseignées'}</p>
              <MatchExplanation score={p.score} reasons={p.reasons} />
              {p.email ? (
                <p>E-mail : <a href={`mailto:${p.email}`}>{p.email}</a></p>
              ) : null}
              {p.contactStatus ? (
                <p className="status">{STATUS_LABELS[p.contactStatus]}</p>
              ) : (
                <ContactForm candidateId={p.id} name={p.name} lastResult={actionData?.candidateId === String(p.id) ? actionData.result : undefined} />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function ContactForm({ candidateId, name, lastResult }: { candidateId: number; name: string; lastResult: Parameters<typeof useZodForm>[1]['lastResult'] }) {
  const [form, fields] = useZodForm(ContactRequestSchema, { lastResult, defaultValue: { candidateId: String(candidateId) } })
  return (
    <details open={lastResult ? true : undefined}>
      <summary>Demander à contacter {name}</summary>
      <Form method="post" {...getFormProps(form)} aria-label={`Demande de contact à ${name}`}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input {...getInputProps(fields.candidateId, { type: 'hidden' })} key={fields.candidateId.key} />
        <FormErrors id={fields.candidateId.errorId} errors={fields.candidateId.errors} />
        <TextAreaField label="Message" meta={fields.message} hint="Présentez votre entreprise et le poste en quelques lignes." />
        <button type="submit" className="button">Envoyer la demande</button>
      </Form>
    </details>
  )
}

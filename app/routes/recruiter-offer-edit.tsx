import { data, Form, Link, redirect } from 'react-router'
import { countApplicationsByStage } from '#db/queries/recruiter-applications.ts'
import { changeOfferStatus, duplicateOffer, findOfferForEdit, offerInputOf, saveOffer } from '#db/queries/recruiter-offers.ts'
import { skillsNamedIn } from '#search/matching/skills-in-text.ts'
import { OfferForm } from '../components/offer-form.tsx'
import { invariantResponse } from '../utils/invariant.ts'
import { formatCount, OFFER_STATUS_LABELS, SOURCE_LABELS } from '../utils/labels.ts'
import { renderMarkdown } from '../utils/markdown.server.ts'
import { offerFormData, parseOfferForm } from '../utils/offer-form.server.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import { RouteId } from '../utils/application-schemas.ts'
import type { Route } from './+types/recruiter-offer-edit'
import { withFlash } from '../utils/flash.ts'


async function loadOwnOffer(request: Request, id: string, db: Route.LoaderArgs['context']['db']) {
  const user = await requireRecruiter(request, db)
  const offerId = RouteId.safeParse(id)
  // Not found, whether it does not exist or belongs to another company.
  const offer = offerId.success ? await findOfferForEdit(db, user.id, offerId.data) : undefined
  invariantResponse(offer, 'Offre introuvable dans votre espace.')
  return { user, offer }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, offer } = await loadOwnOffer(request, params.id, context.db)
  const byStage = await countApplicationsByStage(context.db, user.id, offer.id)
  return {
    applications: [...byStage.values()].reduce((a, b) => a + b, 0),
    offer: { ...offer, statusLabel: OFFER_STATUS_LABELS[offer.status] },
    values: offerInputOf(offer),
    previewHtml: renderMarkdown(offer.description_md),
    form: { ...(await offerFormData(context.db, offer.commune_insee)), suggestedSkills: suggestedSkills(offer) },
  }
}

/** Skills the title and description name but the offer does not list: suggestions the recruiter ticks or ignores. */
function suggestedSkills(offer: Parameters<typeof offerInputOf>[0]) {
  const values = offerInputOf(offer)
  const listed = new Set([...values.requiredSkills, ...values.niceToHaveSkills])
  return skillsNamedIn(`${offer.title}\n${offer.description_md}`).filter((slug) => !listed.has(slug))
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, offer } = await loadOwnOffer(request, params.id, context.db)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const now = new Date()
  // An imported offer is rewritten by its source: only a copy of it can be edited here.
  invariantResponse(offer.source === 'manual' || intent === 'duplicate', 'Offre importée : modifiez-la à sa source, ou dupliquez-la.', { status: 403 })
  if (intent === 'publish' || intent === 'close') {
    const changed = await changeOfferStatus(context.db, user.id, offer.id, intent, now)
    const flash = intent === 'close' ? 'offre-close' : changed?.status === 'published' ? 'offre-publiee' : 'offre-en-attente'
    return redirect(withFlash(`/recruteur/offres/${offer.id}`, flash))
  }
  if (intent === 'duplicate') {
    const copy = await duplicateOffer(context.db, user.id, offer.id, now)
    invariantResponse(copy, 'Offre introuvable dans votre espace.')
    return redirect(withFlash(`/recruteur/offres/${copy.id}`, 'offre-dupliquee'))
  }
  const { submission, input } = await parseOfferForm(formData, context.db)
  if (!input) return data(submission.reply(), { status: 400 })
  await saveOffer(context.db, user.id, { offerId: offer.id }, input, now)
  return redirect(withFlash(`/recruteur/offres/${offer.id}`, 'offre-enregistree'))
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.offer.title ?? 'Offre'} – Passerelle` }]

export default function EditOffer({ loaderData, actionData }: Route.ComponentProps) {
  const { offer, values, previewHtml, form, applications } = loaderData
  return (
    <section className="auth-page offer-editor" aria-labelledby="titre-offre">
      <p className="breadcrumb">
        <Link to={`/recruteur/entreprises/${offer.company_slug}/offres`}>Offres de {offer.company_name}</Link>
      </p>
      <h1 id="titre-offre">{offer.title}</h1>
      <p>
        État : <span className="status">{offer.statusLabel}</span>
        {offer.status === 'published' ? (
          <> · <Link to={`/offres/${offer.slug}`}>voir l’offre en ligne</Link></>
        ) : null}
        {' · '}
        <Link to={`/recruteur/offres/${offer.id}/candidatures`}>{formatCount(applications, 'candidature', 'candidatures')}</Link>
        {' · '}
        <Link to={`/recruteur/offres/${offer.id}/profils`}>Profils correspondants</Link>
      </p>
      {offer.status === 'draft' && offer.moderation_note ? (
        <div className="form-errors" role="note">
          <p><strong>Message de l’équipe de modération :</strong></p>
          <p className="moderation-note">{offer.moderation_note}</p>
          <p>Corrigez-la puis publiez-la à nouveau : elle attendra la validation de la modération.</p>
        </div>
      ) : null}
      {offer.status === 'pending' ? (
        <p role="status">Votre entreprise n’est pas encore vérifiée : l’équipe de modération valide l’offre avant sa mise en ligne.</p>
      ) : null}
      {offer.source !== 'manual' ? (
        <p role="note">
          Offre importée ({SOURCE_LABELS[offer.source]}) : elle suit sa source à chaque import et ne se modifie pas ici.
          Dupliquez-la pour en faire une offre à vous.
        </p>
      ) : null}
      <div className="offer-actions">
        {offer.source === 'manual' && (offer.status === 'draft' || offer.status === 'closed' || offer.status === 'expired') ? (
          <Form method="post"><button className="button" name="intent" value="publish">Publier</button></Form>
        ) : null}
        {offer.source === 'manual' && (offer.status === 'published' || offer.status === 'pending') ? (
          <Form method="post"><button className="button button--secondary" name="intent" value="close">Clôturer</button></Form>
        ) : null}
        <Form method="post"><button className="button button--secondary" name="intent" value="duplicate">Dupliquer</button></Form>
      </div>
      {offer.source === 'manual' ? (
        <OfferForm
          data={form}
          lastResult={actionData}
          submitLabel="Enregistrer les modifications"
          defaultValue={values}
        />
      ) : null}
      <section className="preview" aria-labelledby="titre-apercu">
        <h2 id="titre-apercu">Aperçu de la description</h2>
        <div dangerouslySetInnerHTML={{ __html: previewHtml }} />
      </section>
    </section>
  )
}

import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { applyToOffer, findOwnApplication } from '#db/queries/applications.ts'
import { findOwnProfile } from '#db/queries/candidate-profiles.ts'
import { findVisibleOfferBySlug } from '#db/queries/offers.ts'
import { FormErrors, TextAreaField } from '../components/field.tsx'
import { ApplySchema } from '../utils/candidate-profile-schema.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { formatDate } from '../utils/labels.ts'
import { getOptionalUser, requireCandidate } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/offer-apply'
import { withFlash } from '../utils/flash.ts'
import { notifyNewApplication } from '../utils/application-mail.server.ts'

const OFFER_GONE = 'Cette offre n’existe pas ou n’est plus en ligne.'
const ALREADY_APPLIED = 'Vous avez déjà postulé à cette offre.'
const NO_PROFILE = 'Complétez d’abord votre profil (prénom et nom) : c’est lui que l’entreprise recevra.'

async function findOffer(db: Route.LoaderArgs['context']['db'], slug: string, now: Date) {
  const offer = await findVisibleOfferBySlug(db, slug, now)
  invariantResponse(offer, OFFER_GONE)
  // Nobody here reads applications to a source's placeholder company: the offer page links to the source.
  invariantResponse(!offer.placeholder_source, 'Cette offre importée se postule sur son site d’origine, depuis la page de l’offre.')
  return offer
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const offer = await findOffer(context.db, params.slug, new Date())
  const summary = { slug: offer.slug, title: offer.title, companyName: offer.company_name }
  // Anyone may read the offer, so anyone may see how to apply: visitors get a login link that comes back here.
  if (!(await getOptionalUser(request, context.db))) {
    const url = new URL(request.url)
    const back = new URLSearchParams({ redirectTo: url.pathname })
    return { offer: summary, state: 'anonymous' as const, loginUrl: `/connexion?${back}`, signupUrl: `/inscription?${back}` }
  }
  const user = await requireCandidate(request, context.db)
  const profile = await findOwnProfile(context.db, user.id)
  if (!profile) return { offer: summary, state: 'no-profile' as const }
  const existing = await findOwnApplication(context.db, user.id, offer.id)
  if (existing) return { offer: summary, state: 'applied' as const, appliedAt: existing.created_at, withdrawnAt: existing.withdrawn_at }
  return { offer: summary, state: 'ready' as const, hasCv: profile.cv_name !== null }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireCandidate(request, context.db)
  const now = new Date()
  const offer = await findOffer(context.db, params.slug, now)
  const submission = parseWithZod(await request.formData(), { schema: ApplySchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  if (!(await findOwnProfile(context.db, user.id))) return data(submission.reply({ formErrors: [NO_PROFILE] }), { status: 400 })
  const applied = await applyToOffer(context.db, user.id, offer.id, submission.value.message ?? '', now)
  if (applied === 'already-applied') return data(submission.reply({ formErrors: [ALREADY_APPLIED] }), { status: 409 })
  invariantResponse(applied !== 'offer-unavailable', OFFER_GONE)
  await notifyNewApplication(context, applied.id)
  return redirect(withFlash('/candidat/candidatures', 'envoyee'))
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Postuler : ${data?.offer.title ?? 'offre'} – Passerelle` }]

export default function ApplyToOffer({ loaderData, actionData }: Route.ComponentProps) {
  const { offer } = loaderData
  return (
    <section className="auth-page" aria-labelledby="titre-postuler">
      <p className="breadcrumb">
        <Link to={`/offres/${offer.slug}`}>{offer.title}</Link>
      </p>
      <h1 id="titre-postuler">Postuler : {offer.title}</h1>
      <p>{offer.companyName}</p>
      {loaderData.state === 'anonymous' ? (
        <p>
          Pour postuler, <Link to={loaderData.loginUrl}>connectez-vous</Link> ou{' '}
          <Link to={loaderData.signupUrl}>créez un compte candidat·e</Link>.
        </p>
      ) : loaderData.state === 'no-profile' ? (
        <p>
          {NO_PROFILE} <Link to="/candidat/profil">Compléter mon profil</Link>
        </p>
      ) : loaderData.state === 'applied' ? (
        <p>
          {loaderData.withdrawnAt
            ? `Vous avez retiré votre candidature à cette offre le ${formatDate(loaderData.withdrawnAt)}.`
            : `Candidature envoyée le ${formatDate(loaderData.appliedAt)}.`}{' '}
          <Link to="/candidat/candidatures">Voir mes candidatures</Link>
        </p>
      ) : (
        <ApplyForm hasCv={loaderData.hasCv} companyName={offer.companyName} lastResult={actionData} />
      )}
    </section>
  )
}

function ApplyForm({ hasCv, companyName, lastResult }: { hasCv: boolean; companyName: string; lastResult: Route.ComponentProps['actionData'] }) {
  const [form, fields] = useZodForm(ApplySchema, { lastResult })
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <p className="notice">
        En postulant, vous transmettez à {companyName} votre message et votre profil Passerelle
        {hasCv ? ' avec votre CV' : ' (vous n’avez pas encore de CV ; si vous en ajoutez un, l’entreprise pourra le lire)'}.
        L’entreprise voit toujours leur version à jour tant que votre candidature existe, même si votre profil est privé.
      </p>
      <TextAreaField label="Message à l’entreprise (facultatif, 3 000 caractères au plus)" meta={fields.message} />
      <button type="submit" className="button">Envoyer ma candidature</button>
    </Form>
  )
}

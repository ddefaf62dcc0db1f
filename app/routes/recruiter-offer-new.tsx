import { data, redirect } from 'react-router'
import { findMemberCompany, saveOffer } from '#db/queries/recruiter-offers.ts'
import { OfferForm } from '../components/offer-form.tsx'
import { invariantResponse } from '../utils/invariant.ts'
import { offerFormData, parseOfferForm } from '../utils/offer-form.server.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import type { Route } from './+types/recruiter-offer-new'
import { withFlash } from '../utils/flash.ts'

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireRecruiter(request, context.db)
  const company = await findMemberCompany(context.db, user.id, params.slug)
  invariantResponse(company, 'Entreprise introuvable dans votre espace.')
  return { company, form: await offerFormData(context.db, company.commune_insee) }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireRecruiter(request, context.db)
  // Membership first: another company's recruiter learns nothing, not even validation errors.
  invariantResponse(await findMemberCompany(context.db, user.id, params.slug), 'Entreprise introuvable dans votre espace.')
  const { submission, input } = await parseOfferForm(await request.formData(), context.db)
  if (!input) return data(submission.reply(), { status: 400 })
  const saved = await saveOffer(context.db, user.id, { companySlug: params.slug }, input, new Date())
  invariantResponse(saved, 'Entreprise introuvable dans votre espace.')
  return redirect(withFlash(`/recruteur/offres/${saved.id}`, 'offre-enregistree'))
}

export const meta: Route.MetaFunction = () => [{ title: 'Nouvelle offre – Passerelle' }]

export default function NewOffer({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <section className="auth-page offer-editor" aria-labelledby="titre-nouvelle-offre">
      <h1 id="titre-nouvelle-offre">Nouvelle offre – {loaderData.company.name}</h1>
      <OfferForm
        data={loaderData.form}
        lastResult={actionData}
        defaultValue={{ communeInsee: loaderData.company.commune_insee }}
        submitLabel="Enregistrer le brouillon"
      />
    </section>
  )
}

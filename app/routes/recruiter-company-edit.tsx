import { getFormProps } from '@conform-to/react'
import { data, Form, Link, redirect } from 'react-router'
import { FILE_MIME } from '#db/files.ts'
import { findCompanyForEdit, updateCompany } from '#db/queries/recruiter-company.ts'
import { offerQuery } from '#search/query-params.ts'
import { CompanyFields } from '../components/company-fields.tsx'
import { WidgetCode } from '../components/widget-code.tsx'
import { FormErrors } from '../components/field.tsx'
import { companyFormData, parseCompanyForm } from '../utils/company-form.server.ts'
import { CompanySchema } from '../utils/company-schema.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { parseUpload } from '../utils/upload.server.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/recruiter-company-edit'
import { withFlash } from '../utils/flash.ts'

const MAX_LOGO_BYTES = 1024 * 1024

async function loadOwnCompany(request: Request, slug: string, db: Route.LoaderArgs['context']['db']) {
  const user = await requireRecruiter(request, db)
  // Another company's page answers 404, as if it did not exist.
  const company = await findCompanyForEdit(db, user.id, slug)
  invariantResponse(company, 'Entreprise introuvable dans votre espace.')
  return { user, company }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { company } = await loadOwnCompany(request, params.slug, context.db)
  return {
    company: { slug: company.slug, name: company.name, hasLogo: company.logo_file !== null, role: company.role,
      verified: company.verified_at !== null },
    values: {
      name: company.name,
      siren: company.siren ?? undefined,
      nafCode: company.naf_code,
      sizeBand: company.size_band,
      communeInsee: company.commune_insee,
      clusterSlug: company.cluster_slug ?? undefined,
      website: company.website ?? undefined,
      description: company.description,
    },
    form: await companyFormData(context.db, company.commune_insee),
    widget: {
      origin: context.publicUrl.replace(/\/+$/, ''),
      offers: (await context.search.searchOffers(offerQuery({ companies: [company.slug], perPage: 50 }))).hits.map((h) => ({ slug: h.slug, title: h.title })),
    },
  }
}

/** A conform result carrying one error next to the logo field. */
const logoError = (message: string) => ({ status: 'error' as const, error: { logo: [message] } })

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, company } = await loadOwnCompany(request, params.slug, context.db)
  const upload = await parseUpload(request, {
    field: 'logo',
    maxBytes: MAX_LOGO_BYTES,
    accept: ['png', 'jpeg', 'webp'],
    tooLarge: 'Le logo ne peut dépasser 1 Mo.',
    wrongType: 'Le logo doit être une image PNG, JPEG ou WebP.',
  })
  if (!upload.ok) return data(logoError(upload.message), { status: upload.status })

  if (upload.form.get('intent') === 'remove-logo') {
    const done = await updateCompany(context.db, user.id, company.slug, null, { remove: true })
    invariantResponse(done, 'Entreprise introuvable dans votre espace.')
    if (done.replacedLogo) await context.files.discard(done.replacedLogo)
    return redirect(withFlash(`/recruteur/entreprises/${company.slug}`, 'entreprise-enregistree'))
  }

  const { submission, input } = await parseCompanyForm(upload.form, context.db)
  if (!input) return data(submission.reply(), { status: 400 })
  const file = upload.file
  // The new file is written first and the old one removed only after the commit:
  // a failure at any point leaves the company with a logo that exists.
  const stored = file ? await context.files.save(file.bytes) : null
  let done: Awaited<ReturnType<typeof updateCompany>>
  try {
    done = await updateCompany(context.db, user.id, company.slug, input,
      stored && file ? { file: stored, mime: FILE_MIME[file.kind] } : { keep: true })
  } catch (error) {
    if (stored) await context.files.discard(stored)
    throw error
  }
  if (!done && stored) await context.files.discard(stored)
  invariantResponse(done, 'Entreprise introuvable dans votre espace.')
  if (done.replacedLogo) await context.files.discard(done.replacedLogo)
  return redirect(withFlash(`/recruteur/entreprises/${company.slug}`, done.verificationLost ? 'entreprise-a-reverifier' : 'entreprise-enregistree'))
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.company.name ?? 'Entreprise'} – Passerelle` }]

export default function EditCompany({ loaderData, actionData }: Route.ComponentProps) {
  const { company, values, form: choices } = loaderData
  const [form, fields] = useZodForm(CompanySchema, { lastResult: actionData, defaultValue: values })
  const logoErrors = actionData?.error && 'logo' in actionData.error ? actionData.error.logo : null
  return (
    <section className="auth-page" aria-labelledby="titre-entreprise">
      <p className="breadcrumb">
        <Link to={`/recruteur/entreprises/${company.slug}/offres`}>Offres de {company.name}</Link> ·{' '}
        <Link to={`/recruteur/entreprises/${company.slug}/equipe`}>Équipe</Link> ·{' '}
        <Link to={`/entreprises/${company.slug}`}>Page publique</Link>
      </p>
      <h1 id="titre-entreprise">Fiche de {company.name}</h1>
      {company.verified ? (
        <p className="field__hint">
          Entreprise vérifiée. Changer son nom ou son SIREN la renvoie à la vérification de l’équipe de modération.
        </p>
      ) : null}
      {company.hasLogo ? (
        <div className="company-logo-current">
          <img src={`/entreprises/${company.slug}/logo`} alt={`Logo actuel de ${company.name}`} width={96} />
          <Form method="post">
            <button className="button button--secondary" name="intent" value="remove-logo">Retirer le logo</button>
          </Form>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <CompanyFields fields={fields} communeLabels={choices.communeLabels} clusters={choices.clusters} />
        <div className="field">
          <label htmlFor="logo">{company.hasLogo ? 'Remplacer le logo (facultatif)' : 'Logo (facultatif)'}</label>
          <p id="logo-aide" className="field__hint">Image PNG, JPEG ou WebP, 1 Mo au plus.</p>
          <input
            id="logo"
            type="file"
            name="logo"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby={logoErrors ? 'logo-aide logo-erreur' : 'logo-aide'}
            aria-invalid={logoErrors ? true : undefined}
          />
          {logoErrors?.length ? <p id="logo-erreur" className="field__errors">{logoErrors[0]}</p> : null}
        </div>
        <button type="submit" className="button">Enregistrer</button>
      </Form>
      <WidgetCode origin={loaderData.widget.origin} company={company} offers={loaderData.widget.offers} />
    </section>
  )
}

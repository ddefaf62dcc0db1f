import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, redirect } from 'react-router'
import { COMPANY_SIZES } from '#db/domain.ts'
import { createCompanyWithOwner } from '#db/queries/companies.ts'
import { listLocatedCommunes } from '#db/queries/reference.ts'
import { NAF_CODES } from '#db/reference/naf.ts'
import { Field, FormErrors, SelectField, TextAreaField } from '../components/field.tsx'
import { CompanySchema } from '../utils/company-schema.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/recruiter-new-company'

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireRecruiter(request, context.db)
  const [communes, clusters] = await Promise.all([
    listLocatedCommunes(context.db),
    context.db.selectFrom('clusters').select(['slug', 'name']).orderBy('name').execute(),
  ])
  return { communes, clusters }
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireRecruiter(request, context.db)
  const submission = parseWithZod(await request.formData(), { schema: CompanySchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const value = submission.value
  const known = await context.db
    .selectFrom('communes')
    .select('insee')
    .where('insee', '=', value.communeInsee)
    .where('latitude', 'is not', null)
    .executeTakeFirst()
  if (!known) {
    return data(submission.reply({ fieldErrors: { communeInsee: ['Choisissez la commune dans la liste.'] } }), { status: 400 })
  }
  const company = await createCompanyWithOwner(
    context.db,
    user.id,
    {
      name: value.name,
      siren: value.siren ?? null,
      nafCode: value.nafCode,
      sizeBand: value.sizeBand,
      clusterSlug: value.clusterSlug ?? null,
      communeInsee: value.communeInsee,
      website: value.website ?? null,
      description: value.description,
    },
    new Date(),
  )
  return redirect(`/entreprises/${company.slug}`)
}

export const meta: Route.MetaFunction = () => [{ title: 'Créer une entreprise – Passerelle' }]

export default function NewCompany({ loaderData, actionData }: Route.ComponentProps) {
  const [form, fields] = useZodForm(CompanySchema, { lastResult: actionData })
  return (
    <section className="auth-page" aria-labelledby="titre-entreprise">
      <h1 id="titre-entreprise">Créer une entreprise</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label="Nom de l’entreprise" meta={fields.name} type="text" autoComplete="organization" />
        <Field label="SIREN ou SIRET (facultatif)" meta={fields.siren} type="text" hint="9 ou 14 chiffres, espaces acceptés." />
        <SelectField
          label="Activité (code NAF)"
          meta={fields.nafCode}
          empty="Choisir…"
          options={NAF_CODES.map((n) => ({ value: n.code, label: `${n.code} – ${n.label}` }))}
        />
        <SelectField
          label="Taille"
          meta={fields.sizeBand}
          empty="Choisir…"
          options={COMPANY_SIZES.map((size) => ({ value: size, label: `${size} salarié·es` }))}
        />
        <SelectField
          label="Commune"
          meta={fields.communeInsee}
          empty="Choisir…"
          options={loaderData.communes.map((c) => ({ value: c.insee, label: c.territory ? `${c.name} (${c.territory})` : c.name }))}
        />
        <SelectField
          label="Membre d’un pôle numérique (facultatif)"
          meta={fields.clusterSlug}
          empty="Aucun"
          options={loaderData.clusters.map((c) => ({ value: c.slug, label: c.name }))}
        />
        <Field label="Site web (facultatif)" meta={fields.website} type="text" autoComplete="url" />
        <TextAreaField label="Présentation" meta={fields.description} hint="Ce que fait l’entreprise, pour qui, et pourquoi y travailler." />
        <button type="submit" className="button">Créer l’entreprise</button>
      </Form>
    </section>
  )
}

import { getFormProps } from '@conform-to/react'
import { data, Form, redirect } from 'react-router'
import { createCompanyWithOwner } from '#db/queries/companies.ts'
import { CompanyFields } from '../components/company-fields.tsx'
import { FormErrors } from '../components/field.tsx'
import { companyFormData, parseCompanyForm } from '../utils/company-form.server.ts'
import { CompanySchema } from '../utils/company-schema.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/recruiter-new-company'
import { withFlash } from '../utils/flash.ts'

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireRecruiter(request, context.db)
  return companyFormData(context.db)
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireRecruiter(request, context.db)
  const { submission, input } = await parseCompanyForm(await request.formData(), context.db)
  if (!input) return data(submission.reply(), { status: 400 })
  const company = await createCompanyWithOwner(context.db, user.id, input, new Date())
  return redirect(withFlash(`/entreprises/${company.slug}`, 'entreprise-creee'))
}

export const meta: Route.MetaFunction = () => [{ title: 'Créer une entreprise – Passerelle' }]

export default function NewCompany({ loaderData, actionData }: Route.ComponentProps) {
  const [form, fields] = useZodForm(CompanySchema, { lastResult: actionData })
  return (
    <section className="auth-page" aria-labelledby="titre-entreprise">
      <h1 id="titre-entreprise">Créer une entreprise</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <CompanyFields fields={fields} communeLabels={loaderData.communeLabels} clusters={loaderData.clusters} />
        <button type="submit" className="button">Créer l’entreprise</button>
      </Form>
    </section>
  )
}

import { getFormProps, type DefaultValue, type SubmissionResult } from '@conform-to/react'
import { Form } from 'react-router'
import { ForumSchema, type ForumFormValue } from '../utils/forum-schema.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import { CommuneField } from './commune-input.tsx'
import { Field, FormErrors } from './field.tsx'

export type ForumFormData = { communeLabels: Record<string, string> }

/** The forum's practical details, for a new forum and for editing one. */
export function ForumForm({
  data,
  lastResult,
  defaultValue,
  submitLabel,
}: {
  data: ForumFormData
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue?: DefaultValue<ForumFormValue>
  submitLabel: string
}) {
  const [form, fields] = useZodForm(ForumSchema, { lastResult, defaultValue })
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <Field label="Nom du forum" meta={fields.name} type="text" />
      <Field label="Date du forum" meta={fields.date} type="date" />
      <CommuneField label="Commune" meta={fields.communeInsee} text={fields.communeText} labels={data.communeLabels} />
      <Field label="Lieu" meta={fields.venue} type="text" hint="Salle, bâtiment, adresse." />
      <Field label="Ouverture (HH:MM)" meta={fields.opensAt} type="text" />
      <Field label="Fermeture (HH:MM)" meta={fields.closesAt} type="text" />
      <Field label="Durée d’un entretien, en minutes" meta={fields.slotMinutes} type="text" hint="De 5 à 120 minutes." />
      <Field label="Tables par entreprise" meta={fields.tablesPerCompany} type="text" hint="De 1 à 20." />
      <Field label="Entretiens au plus par candidat·e" meta={fields.maxInterviewsPerCandidate} type="text" hint="De 1 à 50." />
      <button type="submit" className="button">{submitLabel}</button>
    </Form>
  )
}

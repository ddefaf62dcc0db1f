import { getFormProps, type DefaultValue, type SubmissionResult } from '@conform-to/react'
import { Form } from 'react-router'
import { CONTRACT_TYPES, EXPERIENCE_LEVELS, REMOTE_POLICIES, SALARY_PERIODS } from '#db/domain.ts'
import { CONTRACT_LABELS, EXPERIENCE_LABELS, REMOTE_LABELS } from '../utils/labels.ts'
import { OfferSchema, type OfferFormValue } from '../utils/offer-schema.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import { CommuneField } from './commune-input.tsx'
import { Field, FormErrors, SelectField, TextAreaField } from './field.tsx'
import { OccupationSelect, type OccupationGroup } from './occupation-select.tsx'
import { SkillPicker } from './skill-picker.tsx'

const PERIOD_LABELS = { year: 'par an', month: 'par mois', day: 'par jour', hour: 'par heure' } as const

export type OfferFormData = {
  communeLabels: Record<string, string>
  occupations: OccupationGroup[]
  skills: { slug: string; name: string; category: string }[]
  /** Skills the saved title and description name but the offer does not list (search/matching/skills-in-text.ts). */
  suggestedSkills?: string[]
}

/** The offer form, for a new offer and for editing one. */
export function OfferForm({
  data,
  lastResult,
  defaultValue,
  submitLabel,
}: {
  data: OfferFormData
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue?: DefaultValue<OfferFormValue>
  submitLabel: string
}) {
  const [form, fields] = useZodForm(OfferSchema, { lastResult, defaultValue })
  const skillBoxes = (name: 'requiredSkills' | 'niceToHaveSkills', legend: string) => {
    const meta = fields[name]
    const chosen = new Set((meta.initialValue as string[] | undefined) ?? [])
    const suggested = new Set(data.suggestedSkills ?? [])
    return (
      <fieldset className="profile-group">
        <legend>{legend}</legend>
        <SkillPicker
          id={name}
          skills={data.skills}
          chosenLabel={(s) => (chosen.has(s.slug) ? s.name : null)}
          suggested={suggested}
          renderSkill={(s) => (
            <div className="facet__option">
              <input type="checkbox" id={`${name}-${s.slug}`} name={meta.name} value={s.slug} defaultChecked={chosen.has(s.slug)} />
              <label htmlFor={`${name}-${s.slug}`}>
                {s.name}
                {suggested.has(s.slug) ? <span className="skill-picker__suggested"> (repérée dans le texte)</span> : null}
              </label>
            </div>
          )}
        />
        {meta.errors?.length ? <p className="field__errors">{meta.errors[0]}</p> : null}
      </fieldset>
    )
  }
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <Field label="Intitulé du poste" meta={fields.title} type="text" />
      <TextAreaField
        label="Description (Markdown)"
        meta={fields.descriptionMd}
        hint="Titres avec ##, listes avec -. Le HTML n’est pas interprété."
      />
      <CommuneField label="Commune" meta={fields.communeInsee} text={fields.communeText} labels={data.communeLabels} />
      <OccupationSelect meta={fields.occupation} groups={data.occupations} />
      <SelectField label="Contrat" meta={fields.contractType} empty="Choisir…" options={CONTRACT_TYPES.map((c) => ({ value: c, label: CONTRACT_LABELS[c] }))} />
      <SelectField label="Télétravail" meta={fields.remotePolicy} empty="Choisir…" options={REMOTE_POLICIES.map((r) => ({ value: r, label: REMOTE_LABELS[r] }))} />
      <SelectField label="Expérience" meta={fields.experienceLevel} empty="Choisir…" options={EXPERIENCE_LEVELS.map((e) => ({ value: e, label: EXPERIENCE_LABELS[e] }))} />
      <Field label="Salaire minimum brut, en euros (facultatif)" meta={fields.salaryMin} type="text" hint="Par exemple 32 000, 32 000 € ou 32 k€." />
      <Field label="Salaire maximum brut, en euros (facultatif)" meta={fields.salaryMax} type="text" />
      <SelectField label="Période du salaire" meta={fields.salaryPeriod} empty="—" options={SALARY_PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))} />
      <Field label="Date de début (facultatif)" meta={fields.startDate} type="date" />
      {data.suggestedSkills?.length ? (
        <p className="field__hint">
          Repérées dans le titre et la description, sans être cochées :{' '}
          {data.suggestedSkills.map((slug) => data.skills.find((s) => s.slug === slug)?.name ?? slug).join(', ')}.
          Leurs groupes sont ouverts ci-dessous : cochez celles qui comptent, elles aident à trouver les bons profils.
        </p>
      ) : null}
      {skillBoxes('requiredSkills', 'Compétences demandées')}
      {skillBoxes('niceToHaveSkills', 'Compétences appréciées')}
      <button type="submit" className="button">{submitLabel}</button>
    </Form>
  )
}

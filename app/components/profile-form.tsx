import { getFormProps, getTextareaProps, type DefaultValue, type SubmissionResult } from '@conform-to/react'
import { Form } from 'react-router'
import { CONTRACT_TYPES, DEGREE_LEVELS, LANGUAGE_LEVELS, REMOTE_PREFERENCES, SKILL_LEVELS } from '#db/domain.ts'
import { ProfileSchema, type ProfileFormValue } from '../utils/candidate-profile-schema.ts'
import {
  CONTRACT_LABELS, DEGREE_LABELS, LANGUAGE_CODES, LANGUAGE_LABELS, LANGUAGE_LEVEL_LABELS, REMOTE_PREFERENCE_LABELS, SKILL_LEVEL_LABELS,
} from '../utils/labels.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import { CommuneField } from './commune-input.tsx'
import type { OccupationGroup } from './occupation-select.tsx'
import { Field, FormErrors, SelectField, TextAreaField } from './field.tsx'
import { SkillPicker } from './skill-picker.tsx'

export type ProfileFormData = {
  communeLabels: Record<string, string>
  occupations: OccupationGroup[]
  skills: { slug: string; name: string; category: string }[]
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).filter((v) => typeof v === 'string')

/** "slug:level" choices, as the selects post them, keyed by slug. */
function chosenLevels(value: unknown): Map<string, string> {
  return new Map(asList(value).map((choice) => [choice.split(':')[0]!, choice]))
}

export function ProfileForm({
  data,
  lastResult,
  defaultValue,
}: {
  data: ProfileFormData
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue?: DefaultValue<ProfileFormValue>
}) {
  const [form, fields] = useZodForm(ProfileSchema, { lastResult, defaultValue })
  const skillLevels = chosenLevels(fields.skills.initialValue)
  const languageLevels = chosenLevels(fields.languages.initialValue)
  const targetOccupations = ((fields.targetOccupations.initialValue as (string | undefined)[] | string | undefined) ?? [])
  const chosenOccupations = (Array.isArray(targetOccupations) ? targetOccupations : [targetOccupations]).filter((c): c is string => !!c)
  const contracts = new Set(asList(fields.contractTypes.initialValue))
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="profile" />
      <Field label="Prénom" meta={fields.firstName} type="text" autoComplete="given-name" />
      <Field label="Nom" meta={fields.lastName} type="text" autoComplete="family-name" />

      <fieldset className="profile-group">
        <legend>Formation</legend>
        <Field label="École ou université (facultatif)" meta={fields.school} type="text" />
        <Field label="Formation suivie (facultatif)" meta={fields.programme} type="text" />
        <SelectField label="Niveau de diplôme" meta={fields.degreeLevel} empty="—" options={DEGREE_LEVELS.map((d) => ({ value: d, label: DEGREE_LABELS[d] }))} />
        <Field label="Année d’obtention (facultatif)" meta={fields.graduationYear} type="text" hint="Passée ou prévue, par exemple 2026." />
      </fieldset>

      <fieldset className="profile-group">
        <legend>Compétences</legend>
        <p className="field__hint">Ouvrez une catégorie et choisissez un niveau pour chaque compétence que vous maîtrisez ; laissez « — » pour les autres.</p>
        <SkillPicker
          id="competences"
          skills={data.skills}
          chosenLabel={(s) => {
            const level = skillLevels.get(s.slug)?.split(':')[1]
            return level ? `${s.name} (${SKILL_LEVEL_LABELS[Number(level)]})` : null
          }}
          renderSkill={(s) => (
            <div className="field field--inline">
              <label htmlFor={`skill-${s.slug}`}>{s.name}</label>
              <select id={`skill-${s.slug}`} name={fields.skills.name} defaultValue={skillLevels.get(s.slug) ?? ''}>
                <option value="">—</option>
                {SKILL_LEVELS.map((level) => (
                  <option key={level} value={`${s.slug}:${level}`}>{SKILL_LEVEL_LABELS[level]}</option>
                ))}
              </select>
            </div>
          )}
        />
        {fields.skills.errors?.length ? <p className="field__errors">{fields.skills.errors[0]}</p> : null}
      </fieldset>

      <fieldset className="profile-group">
        <legend>Langues</legend>
        <details className="skill-picker__group">
          <summary>
            <span className="skill-picker__category">Langues</span>
            <span className="skill-picker__chosen">
              {languageLevels.size ? ` : ${[...languageLevels].map(([code, choice]) => `${LANGUAGE_LABELS[code as keyof typeof LANGUAGE_LABELS] ?? code} (${choice.split(':')[1]})`).join(', ')}` : ''}
            </span>
          </summary>
          <div className="skill-picker__list">
            {LANGUAGE_CODES.map((code) => (
              <div key={code} className="field field--inline">
                <label htmlFor={`language-${code}`}>{LANGUAGE_LABELS[code]}</label>
                <select id={`language-${code}`} name={fields.languages.name} defaultValue={languageLevels.get(code) ?? ''}>
                  <option value="">—</option>
                  {LANGUAGE_LEVELS.map((level) => (
                    <option key={level} value={`${code}:${level}`}>{LANGUAGE_LEVEL_LABELS[level]}</option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </details>
        {fields.languages.errors?.length ? <p className="field__errors">{fields.languages.errors[0]}</p> : null}
      </fieldset>

      <fieldset className="profile-group">
        <legend>Métiers visés</legend>
        <p className="field__hint">Jusqu’à trois métiers du référentiel ROME de France Travail : ils aident à vous proposer les bonnes offres.</p>
        {[0, 1, 2].map((k) => (
          <div className="field" key={k}>
            <label htmlFor={`metier-vise-${k}`}>{`Métier visé ${k + 1}${k > 0 ? ' (facultatif)' : ''}`}</label>
            <select id={`metier-vise-${k}`} name={fields.targetOccupations.name} defaultValue={chosenOccupations[k] ?? ''}>
              <option value="">—</option>
              {data.occupations.map((group) => (
                <optgroup key={group.name} label={group.name}>
                  {group.occupations.map((o) => (
                    <option key={o.code} value={o.code}>{o.label}</option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        ))}
        {fields.targetOccupations.errors?.length ? <p className="field__errors">{fields.targetOccupations.errors[0]}</p> : null}
      </fieldset>

      <fieldset className="profile-group">
        <legend>Où et comment travailler</legend>
        <CommuneField label="Commune de résidence" meta={fields.communeInsee} text={fields.communeText} labels={data.communeLabels} />
        <Field label="Mobilité, en kilomètres autour de chez vous (0 à 200)" meta={fields.mobilityKm} type="text" />
        <SelectField
          label="Télétravail souhaité"
          meta={fields.remotePreference}
          options={REMOTE_PREFERENCES.map((r) => ({ value: r, label: REMOTE_PREFERENCE_LABELS[r] }))}
        />
        <fieldset className="skill-grid">
          <legend>Contrats recherchés</legend>
          {CONTRACT_TYPES.map((c) => (
            <div key={c} className="facet__option">
              <input type="checkbox" id={`contract-${c}`} name={fields.contractTypes.name} value={c} defaultChecked={contracts.has(c)} />
              <label htmlFor={`contract-${c}`}>{CONTRACT_LABELS[c]}</label>
            </div>
          ))}
          {fields.contractTypes.errors?.length ? <p className="field__errors">{fields.contractTypes.errors[0]}</p> : null}
        </fieldset>
        <Field label="Disponible à partir du (facultatif)" meta={fields.availableFrom} type="date" />
      </fieldset>

      <TextAreaField label="Présentation (2 000 caractères au plus)" meta={fields.bio} />
      <div className="field">
        <label htmlFor={fields.links.id}>Liens (portfolio, GitHub, LinkedIn…)</label>
        <p id={`${fields.links.id}-aide`} className="field__hint">Un lien par ligne, cinq au plus, commençant par https://.</p>
        <textarea {...getTextareaProps(fields.links, { ariaDescribedBy: `${fields.links.id}-aide` })} key={fields.links.key} rows={5} />
        {fields.links.errors?.length ? <p id={fields.links.errorId} className="field__errors">{fields.links.errors[0]}</p> : null}
      </div>
      <button type="submit" className="button">Enregistrer mon profil</button>
    </Form>
  )
}

import { getFormProps, getTextareaProps, type DefaultValue, type SubmissionResult } from '@conform-to/react'
import { Form } from 'react-router'
import { CONTRACT_TYPES, DEGREE_LEVELS, EXPERIENCE_KINDS, LANGUAGE_LEVELS, REMOTE_PREFERENCES, SKILL_LEVELS } from '#db/domain.ts'
import { EXPERIENCE_ROWS, ProfileSchema, type ProfileFormValue } from '../utils/candidate-profile-schema.ts'
import {
  CONTRACT_LABELS, DEGREE_LABELS, EXPERIENCE_KIND_LABELS, LANGUAGE_CODES, LANGUAGE_LABELS, LANGUAGE_LEVEL_LABELS, REMOTE_PREFERENCE_LABELS,
  SKILL_LEVEL_LABELS,
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
  /** Occupations suggested from the training and skills saved (labels), shown when none is chosen yet. */
  suggestedOccupations?: { code: string; label: string }[]
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
  const excludedContracts = new Set(asList(fields.excludedContractTypes.initialValue))
  const experiences = (Array.isArray(fields.experiences.initialValue) ? fields.experiences.initialValue : []) as
    ({ kind?: string; title?: string; start?: string; end?: string } | undefined)[]
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
        <Field label="Spécialité ou option du diplôme (facultatif)" meta={fields.diplomaSpeciality} type="text" hint="Par exemple SISR, SLAM, cybersécurité, data." />
      </fieldset>

      <fieldset className="profile-group">
        <legend>Expériences : stages, alternances, emplois</legend>
        <p className="field__hint">Elles comptent dans votre niveau d’expérience (chaque mois une fois). Laissez vides les lignes inutiles ; mois au format 2025-09 ou 09/2025.</p>
        {Array.from({ length: EXPERIENCE_ROWS }, (_, k) => {
          const row = experiences[k] ?? {}
          return (
            <fieldset key={k} className="experience-row">
              <legend>{`Expérience ${k + 1} (facultatif)`}</legend>
              <div className="field">
                <label htmlFor={`experience-${k}-kind`}>Type</label>
                <select id={`experience-${k}-kind`} name={`${fields.experiences.name}[${k}].kind`} defaultValue={row.kind ?? ''}>
                  <option value="">—</option>
                  {EXPERIENCE_KINDS.map((kind) => <option key={kind} value={kind}>{EXPERIENCE_KIND_LABELS[kind]}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`experience-${k}-title`}>Intitulé et entreprise</label>
                <input id={`experience-${k}-title`} name={`${fields.experiences.name}[${k}].title`} type="text" maxLength={120} defaultValue={row.title ?? ''} />
              </div>
              <div className="field">
                <label htmlFor={`experience-${k}-start`}>Mois de début</label>
                <input id={`experience-${k}-start`} name={`${fields.experiences.name}[${k}].start`} type="month" placeholder="2025-09" defaultValue={row.start ?? ''} />
              </div>
              <div className="field">
                <label htmlFor={`experience-${k}-end`}>Mois de fin (vide si en cours)</label>
                <input id={`experience-${k}-end`} name={`${fields.experiences.name}[${k}].end`} type="month" placeholder="2026-06" defaultValue={row.end ?? ''} />
              </div>
            </fieldset>
          )
        })}
        {fields.experiences.errors?.length ? <p className="field__errors" role="alert">{fields.experiences.errors[0]}</p> : null}
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
        {chosenOccupations.length === 0 && data.suggestedOccupations?.length ? (
          <p className="field__hint">D’après votre formation et vos compétences : {data.suggestedOccupations.map((o) => o.label).join(' ; ')}.</p>
        ) : null}
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
        <div className="facet__option">
          <input type="checkbox" id="mobile-partout" name={fields.mobileAnywhere.name} value="on" defaultChecked={fields.mobileAnywhere.initialValue === 'on'} />
          <label htmlFor="mobile-partout">Mobile partout en France (les offres proches passent d’abord, aucune n’est écartée pour la distance)</label>
        </div>
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
        <fieldset className="skill-grid">
          <legend>Contrats exclus (jamais proposés)</legend>
          {CONTRACT_TYPES.map((c) => (
            <div key={c} className="facet__option">
              <input type="checkbox" id={`excluded-contract-${c}`} name={fields.excludedContractTypes.name} value={c} defaultChecked={excludedContracts.has(c)} />
              <label htmlFor={`excluded-contract-${c}`}>{`Exclure : ${CONTRACT_LABELS[c]}`}</label>
            </div>
          ))}
          {fields.excludedContractTypes.errors?.length ? <p className="field__errors">{fields.excludedContractTypes.errors[0]}</p> : null}
        </fieldset>
        <Field label="Durée de stage recherchée, en mois (facultatif)" meta={fields.internshipMonths} type="text" inputMode="numeric" />
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

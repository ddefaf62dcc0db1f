import { getSelectProps, type FieldMetadata } from '@conform-to/react'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- conform's field metadata is invariant
type AnyField = FieldMetadata<any, any, string[]>

/**
 * The ROME occupation of an offer, from France Travail's referential: a plain
 * select (type the first letters to jump, with or without JavaScript), grouped
 * by family. Left empty, the server suggests it from the title.
 */
export type OccupationGroup = { name: string; occupations: { code: string; label: string }[] }

export function OccupationSelect({ meta, groups, label = 'Métier (référentiel ROME)' }: { meta: AnyField; groups: OccupationGroup[]; label?: string }) {
  const hintId = `${meta.id}-aide`
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <p id={hintId} className="field__hint">Laissé vide, il est déduit de l’intitulé du poste ; vous pourrez le corriger.</p>
      <select {...getSelectProps(meta)} key={meta.key} aria-describedby={hintId}>
        <option value="">D’après l’intitulé</option>
        {groups.map((group) => (
          <optgroup key={group.name} label={group.name}>
            {group.occupations.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {meta.errors?.length ? <p id={meta.errorId} className="field__errors">{meta.errors[0]}</p> : null}
    </div>
  )
}

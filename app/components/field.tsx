import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'

// Any single-value field of any form (text, number or date alike): conform's types are invariant.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, string[]>

/** A labelled input whose French error messages are announced with it. */
export function Field({
  label,
  meta,
  type,
  autoComplete,
  inputMode,
  hint,
}: {
  label: string
  meta: AnyField
  type: 'text' | 'email' | 'password' | 'date'
  autoComplete?: string
  inputMode?: 'text' | 'decimal' | 'numeric'
  hint?: string
}) {
  const hintId = hint ? `${meta.id}-aide` : undefined
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? <p id={hintId} className="field__hint">{hint}</p> : null}
      <input
        {...getInputProps(meta, { type, ariaDescribedBy: hintId })}
        key={meta.key}
        autoComplete={autoComplete}
        inputMode={inputMode}
      />
      {meta.errors?.length ? (
        <ul id={meta.errorId} className="field__errors">
          {meta.errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** Errors about the whole form (wrong password, too many attempts). */
export function FormErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null
  return (
    <div id={id} className="form-errors" role="alert">
      {errors.map((error) => (
        <p key={error}>{error}</p>
      ))}
    </div>
  )
}

/** A labelled select with its French error messages. */
export function SelectField({
  label,
  meta,
  options,
  empty,
}: {
  label: string
  meta: AnyField
  options: { value: string; label: string }[]
  empty?: string
}) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <select {...getSelectProps(meta)} key={meta.key}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {meta.errors?.length ? <p id={meta.errorId} className="field__errors">{meta.errors[0]}</p> : null}
    </div>
  )
}

/** A labelled multi-line text with its French error messages. */
export function TextAreaField({ label, meta, hint }: { label: string; meta: AnyField; hint?: string }) {
  const hintId = hint ? `${meta.id}-aide` : undefined
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? <p id={hintId} className="field__hint">{hint}</p> : null}
      <textarea {...getTextareaProps(meta, { ariaDescribedBy: hintId })} key={meta.key} rows={6} />
      {meta.errors?.length ? <p id={meta.errorId} className="field__errors">{meta.errors[0]}</p> : null}
    </div>
  )
}

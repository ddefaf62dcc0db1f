import type { FieldMetadata } from '@conform-to/react'
import { useEffect, useRef } from 'react'
import { useFetcher } from 'react-router'

type Suggestions = { suggestions: { insee: string; label: string; postcodes: string[] }[] }

/**
 * A commune typed by name or postcode. Without JavaScript it is a plain text
 * field that the server resolves (and asks to choose when several communes
 * match); with it, a datalist suggests communes as the user types.
 */
export function CommuneInput(props: {
  id: string
  name: string
  defaultValue: string
  invalid?: boolean
  describedBy?: string
  /** Called when the user picked a suggestion (its text is then exactly a commune's label). */
  onPick?: (input: HTMLInputElement) => void
}) {
  const fetcher = useFetcher<Suggestions>()
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const listId = `${props.id}-suggestions`
  useEffect(() => () => clearTimeout(timer.current), [])
  const suggestions = fetcher.data?.suggestions ?? []
  return (
    <>
      <input
        id={props.id}
        name={props.name}
        type="text"
        defaultValue={props.defaultValue}
        list={listId}
        autoComplete="off"
        maxLength={100}
        placeholder="Nom ou code postal"
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        onInput={(event) => {
          const input = event.currentTarget
          if (suggestions.some((s) => s.label === input.value)) {
            props.onPick?.(input)
            return
          }
          clearTimeout(timer.current)
          const text = input.value.trim()
          if (text.length >= 2) timer.current = setTimeout(() => fetcher.load(`/communes?q=${encodeURIComponent(text)}`), 200)
        }}
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s.insee} value={s.label}>
            {s.postcodes.join(', ')}
          </option>
        ))}
      </datalist>
    </>
  )
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- conform's field metadata is invariant
type AnyField = FieldMetadata<any, any, string[]>

/**
 * A form's commune field (conform): a hidden INSEE code (the commune shown)
 * and the text the user sees, "Calais (62)" (`labels`), or types. The server
 * keeps the code while the text is its label and resolves edited text.
 */
export function CommuneField(props: { label: string; meta: AnyField; text: AnyField; labels: Record<string, string> }) {
  const { meta, text } = props
  const insee = typeof meta.initialValue === 'string' ? meta.initialValue : ''
  const typed = typeof text.initialValue === 'string' ? text.initialValue : undefined
  const errors = [...(meta.errors ?? []), ...(text.errors ?? [])]
  const hintId = `${text.id}-aide`
  return (
    <div className="field">
      <label htmlFor={text.id}>{props.label}</label>
      <p id={hintId} className="field__hint">Nom ou code postal, par exemple « Amiens » ou « 80000 ».</p>
      <input type="hidden" name={meta.name} value={insee} key={meta.key} />
      <CommuneInput
        key={text.key}
        id={text.id}
        name={text.name}
        defaultValue={typed ?? props.labels[insee] ?? ''}
        invalid={errors.length > 0}
        describedBy={errors.length ? `${hintId} ${meta.errorId}` : hintId}
      />
      {errors.length ? <p id={meta.errorId} className="field__errors">{errors[0]}</p> : null}
    </div>
  )
}

import type { DB } from '#db/connection.ts'
import { communeLabel, resolveCommuneInput } from '#db/queries/communes.ts'

/** The field's hidden code and its text (CommuneField), as forms send them. */
export const COMMUNE_TEXT_FIELD = 'communeText'

/**
 * The INSEE code a form's commune field means, or the French message that
 * lets the user choose: without JavaScript, this message is the server's list
 * of suggestions. `insee` is the parsed hidden code; the text is read raw, so
 * that a field emptied on purpose is told from one never sent.
 */
export async function resolveCommuneField(
  db: DB,
  formData: FormData,
  insee: string | undefined,
  required: string | null,
): Promise<{ insee: string | null } | { error: string }> {
  const text = formData.has(COMMUNE_TEXT_FIELD) ? String(formData.get(COMMUNE_TEXT_FIELD)) : undefined
  const resolved = await resolveCommuneInput(db, { insee, text })
  if (resolved.status === 'found') return { insee: resolved.commune.insee }
  if (resolved.status === 'empty') return required ? { error: required } : { insee: null }
  if (resolved.status === 'unknown') {
    return { error: 'Commune introuvable : indiquez son nom (par exemple « Amiens ») ou son code postal.' }
  }
  const labels = resolved.choices.slice(0, 8).map(communeLabel)
  return {
    error: `Plusieurs communes correspondent : ${labels.map((l) => `« ${l} »`).join(', ')}. Recopiez celle qui convient, avec son département entre parenthèses.`,
  }
}

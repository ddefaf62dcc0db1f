import { z } from 'zod'
import './zod-fr.ts'
import { APPLICATION_STAGES, type ApplicationStage } from '#db/domain.ts'

export const StageSchema = z.object({
  stage: z.enum(APPLICATION_STAGES, { error: 'Choisissez une étape dans la liste.' }),
})

export const NoteSchema = z.object({
  body: z
    .string({ error: 'Écrivez la note avant de l’ajouter.' })
    .trim()
    .min(1, 'Écrivez la note avant de l’ajouter.')
    .max(5000, 'Une note ne peut dépasser 5 000 caractères.'),
})

/** `?etape=` of the applicants list (a stage, or `retirees`: the withdrawn ones): an unknown value shows every stage. */
export function stageFilter(value: string | null): ApplicationStage | 'withdrawn' | null {
  if (value === WITHDRAWN_FILTER) return 'withdrawn'
  const parsed = z.enum(APPLICATION_STAGES).safeParse(value)
  return parsed.success ? parsed.data : null
}
export const WITHDRAWN_FILTER = 'retirees'


/** Ids in URLs: anything else is a 404, not a 500. */
export const RouteId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

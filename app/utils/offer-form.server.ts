import { parseWithZod } from '@conform-to/zod/v4'
import type { DB } from '#db/connection.ts'
import { communeLabels } from '#db/queries/communes.ts'
import { skillAliasesText } from '#db/queries/reference.ts'
import { occupationByCode } from '#db/reference/occupations.ts'
import { occupationChoices } from './occupation-choices.server.ts'
import type { OfferInput } from '#db/queries/recruiter-offers.ts'
import { resolveCommuneField } from './commune-field.server.ts'
import { OfferSchema } from './offer-schema.ts'

/** Parses the offer form and checks what only the database knows (commune, skills). */
export async function parseOfferForm(formData: FormData, db: DB) {
  const submission = parseWithZod(formData, { schema: OfferSchema })
  if (submission.status !== 'success') return { submission, input: null }
  const v = submission.value
  const commune = await resolveCommuneField(db, formData, v.communeInsee, 'Indiquez la commune du poste.')
  const wanted = [...v.requiredSkills, ...v.niceToHaveSkills]
  const known = wanted.length ? await db.selectFrom('skills').select('slug').where('slug', 'in', wanted).execute() : []
  const unknown = wanted.filter((slug) => !known.some((k) => k.slug === slug))
  const unknownOccupation = v.occupation !== undefined && !occupationByCode(v.occupation)
  if ('error' in commune || unknown.length || unknownOccupation) {
    const fieldErrors: Record<string, string[]> = {}
    if (unknownOccupation) fieldErrors.occupation = ['Choisissez le métier dans la liste.']
    if ('error' in commune) fieldErrors.communeInsee = [commune.error]
    if (unknown.length) fieldErrors.requiredSkills = ['Choisissez les compétences dans la liste.']
    return { submission: { ...submission, reply: () => submission.reply({ fieldErrors }) }, input: null }
  }
  const { communeText: _, ...fields } = v
  const input: OfferInput = {
    ...fields,
    communeInsee: commune.insee!,
    occupation: v.occupation ?? null,
    salaryMin: v.salaryMin ?? null,
    salaryMax: v.salaryMax ?? null,
    salaryPeriod: v.salaryPeriod ?? null,
    startDate: v.startDate ?? null,
  }
  return { submission, input }
}

/** The skills to choose from, and how to show the commune the form starts with. */
export async function offerFormData(db: DB, communeInsee?: string | null) {
  const [communeNames, skills] = await Promise.all([
    communeLabels(db, [communeInsee]),
    db.selectFrom('skills').select(['slug', 'name', 'category', skillAliasesText]).orderBy('name').execute(),
  ])
  return { communeLabels: communeNames, skills, occupations: occupationChoices() }
}

import { parseWithZod } from '@conform-to/zod/v4'
import type { DB } from '#db/connection.ts'
import type { OfferInput } from '#db/queries/recruiter-offers.ts'
import { OfferSchema } from './offer-schema.ts'

/** Parses the offer form and checks what only the database knows (commune, skills). */
export async function parseOfferForm(formData: FormData, db: DB) {
  const submission = parseWithZod(formData, { schema: OfferSchema })
  if (submission.status !== 'success') return { submission, input: null }
  const v = submission.value
  const commune = await db
    .selectFrom('communes')
    .select('insee')
    .where('insee', '=', v.communeInsee)
    .where('latitude', 'is not', null)
    .executeTakeFirst()
  const wanted = [...v.requiredSkills, ...v.niceToHaveSkills]
  const known = wanted.length ? await db.selectFrom('skills').select('slug').where('slug', 'in', wanted).execute() : []
  const unknown = wanted.filter((slug) => !known.some((k) => k.slug === slug))
  if (!commune || unknown.length) {
    const fieldErrors: Record<string, string[]> = {}
    if (!commune) fieldErrors.communeInsee = ['Choisissez la commune dans la liste.']
    if (unknown.length) fieldErrors.requiredSkills = ['Choisissez les compétences dans la liste.']
    return { submission: { ...submission, reply: () => submission.reply({ fieldErrors }) }, input: null }
  }
  const input: OfferInput = {
    ...v,
    salaryMin: v.salaryMin ?? null,
    salaryMax: v.salaryMax ?? null,
    salaryPeriod: v.salaryPeriod ?? null,
    startDate: v.startDate ?? null,
  }
  return { submission, input }
}

export async function offerFormData(db: DB) {
  const [communes, skills] = await Promise.all([
    db
      .selectFrom('communes as c')
      .leftJoin('territories as t', 't.id', 'c.territory_id')
      .select(['c.insee', 'c.name', 't.name as territory'])
      .where('c.latitude', 'is not', null)
      .orderBy('c.name')
      .execute(),
    db.selectFrom('skills').select(['slug', 'name', 'category']).orderBy('name').execute(),
  ])
  return { communes, skills }
}

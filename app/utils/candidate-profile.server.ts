import { parseWithZod } from '@conform-to/zod/v4'
import type { DB } from '#db/connection.ts'
import type { LanguageLevel } from '#db/domain.ts'
import type { OwnProfile, ProfileInput } from '#db/queries/candidate-profiles.ts'
import { occupationByCode } from '#db/reference/occupations.ts'
import { resolveCommuneField } from './commune-field.server.ts'
import { ProfileSchema, type ProfileFormValue } from './candidate-profile-schema.ts'

export const CV_MAX_BYTES = 5 * 1024 * 1024
export const CV_TOO_LARGE = 'Votre CV dépasse 5 Mo : allégez-le (images compressées, moins de pages) puis réessayez.'
export const CV_WRONG_TYPE = 'Votre CV doit être un fichier PDF. Exportez-le en PDF depuis votre traitement de texte.'

/** Parses the profile form and checks what only the database knows (commune, skills). */
export async function parseProfileForm(formData: FormData, db: DB) {
  const submission = parseWithZod(formData, { schema: ProfileSchema })
  if (submission.status !== 'success') return { submission, input: null }
  const v = submission.value
  const commune = await resolveCommuneField(db, formData, v.communeInsee, null)
  const skills = v.skills.map((choice) => {
    const [slug, level] = choice.split(':') as [string, string]
    return { slug, level: Number(level) }
  })
  const known = skills.length ? await db.selectFrom('skills').select('slug').where('slug', 'in', skills.map((s) => s.slug)).execute() : []
  const fieldErrors: Record<string, string[]> = {}
  if ('error' in commune) fieldErrors.communeInsee = [commune.error]
  if (known.length !== skills.length) fieldErrors.skills = ['Choisissez les compétences et leur niveau dans les listes.']
  if (v.targetOccupations.some((code) => !occupationByCode(code))) fieldErrors.targetOccupations = ['Choisissez les métiers visés dans la liste.']
  if (Object.keys(fieldErrors).length) {
    return { submission: { ...submission, reply: () => submission.reply({ fieldErrors }) }, input: null }
  }
  const input: ProfileInput = {
    firstName: v.firstName,
    lastName: v.lastName,
    school: v.school ?? '',
    programme: v.programme ?? '',
    degreeLevel: v.degreeLevel ?? null,
    graduationYear: v.graduationYear ?? null,
    communeInsee: 'insee' in commune ? commune.insee : null,
    mobilityKm: v.mobilityKm,
    remotePreference: v.remotePreference,
    contractTypes: v.contractTypes,
    availableFrom: v.availableFrom ?? null,
    bio: v.bio ?? '',
    links: v.links ?? [],
    skills,
    targetOccupations: [...new Set(v.targetOccupations)],
    mobileAnywhere: v.mobileAnywhere === 'on',
    excludedContractTypes: v.excludedContractTypes,
    diplomaSpeciality: v.diplomaSpeciality ?? '',
    internshipMonths: v.internshipMonths ?? null,
    experiences: v.experiences,
    languages: v.languages.map((choice) => {
      const [code, level] = choice.split(':') as [string, LanguageLevel]
      return { code, level }
    }),
  }
  return { submission, input }
}

/** What the form shows for a saved profile. */
export function profileFormValue(profile: OwnProfile): ProfileFormValue {
  return {
    firstName: profile.first_name,
    lastName: profile.last_name,
    school: profile.school,
    programme: profile.programme,
    degreeLevel: profile.degree_level ?? undefined,
    graduationYear: profile.graduation_year ?? undefined,
    communeInsee: profile.commune_insee ?? undefined,
    mobilityKm: profile.mobility_km,
    remotePreference: profile.remote_preference,
    contractTypes: profile.contract_types,
    availableFrom: profile.available_from ?? undefined,
    bio: profile.bio,
    links: profile.links.join('\n'),
    skills: profile.skills.map((s) => `${s.slug}:${s.level}`),
    languages: profile.languages.map((l) => `${l.language}:${l.level}`),
    targetOccupations: profile.target_occupations,
    mobileAnywhere: profile.mobile_anywhere ? 'on' : undefined,
    excludedContractTypes: profile.excluded_contract_types,
    diplomaSpeciality: profile.diploma_speciality,
    internshipMonths: profile.internship_months ?? undefined,
    experiences: profile.experiences.map((e) => ({ kind: e.kind, title: e.title, start: e.start_month, end: e.end_month ?? undefined })),
  }
}

/** The uploaded name, kept for the download: no folders, no control characters, a sane length. */
export function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(-150)
  return base || 'cv.pdf'
}

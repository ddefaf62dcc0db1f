import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { findOwnProfile, listSkillChoices, replaceOwnCv, saveOwnProfile, setOwnVisibility } from '#db/queries/candidate-profiles.ts'
import { communeLabels } from '#db/queries/communes.ts'
import { occupationLabel } from '#db/reference/occupations.ts'
import { suggestTargetOccupations } from '#search/matching/occupation-suggest.ts'
import { occupationChoices } from '../utils/occupation-choices.server.ts'
import { FormErrors } from '../components/field.tsx'
import { ProfileForm } from '../components/profile-form.tsx'
import { ConsentSchema } from '../utils/candidate-profile-schema.ts'
import {
  CV_MAX_BYTES, CV_TOO_LARGE, CV_WRONG_TYPE, cleanFileName, parseProfileForm, profileFormValue,
} from '../utils/candidate-profile.server.ts'
import { formatDate } from '../utils/labels.ts'
import { requireCandidate } from '../utils/session.server.ts'
import { parseUpload } from '../utils/upload.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/candidate-profile'
import { withFlash } from '../utils/flash.ts'

const NO_PROFILE = 'Enregistrez d’abord votre profil (prénom et nom).'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireCandidate(request, context.db)
  const [profile, skills] = await Promise.all([findOwnProfile(context.db, user.id), listSkillChoices(context.db)])
  const labels = await communeLabels(context.db, [profile?.commune_insee])
  return {
    profile: profile
      ? { visibility: profile.visibility, consentAt: profile.consent_at, cvName: profile.cv_name, cvSize: profile.cv_size,
          cvUploadedAt: profile.cv_uploaded_at }
      : null,
    values: profile ? profileFormValue(profile) : { remotePreference: 'any' as const, mobilityKm: 30 },
    form: {
      communeLabels: labels, skills, occupations: occupationChoices(),
      suggestedOccupations: profile && profile.target_occupations.length === 0
        ? suggestTargetOccupations(`${profile.programme} ${profile.diploma_speciality}`, profile.skills).map((code) => ({ code, label: occupationLabel(code) }))
        : [],
    },
  }
}

type Reply =
  | { intent: 'profile' | 'consent'; result: SubmissionResult<string[]> }
  | { intent: 'cv'; error: string }

// One action for the page's forms: the CV form is multipart, so every form is read through parseUpload.
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireCandidate(request, context.db)
  const now = new Date()
  const upload = await parseUpload(request, {
    field: 'cv', maxBytes: CV_MAX_BYTES, accept: ['pdf'], tooLarge: CV_TOO_LARGE, wrongType: CV_WRONG_TYPE,
  })
  if (!upload.ok) return data<Reply>({ intent: 'cv', error: upload.message }, { status: upload.status })
  const formData = upload.form
  const intent = formData.get('intent')

  if (intent === 'cv-upload') {
    if (!upload.file) return data<Reply>({ intent: 'cv', error: 'Choisissez votre CV au format PDF.' }, { status: 400 })
    if (!(await findOwnProfile(context.db, user.id))) return data<Reply>({ intent: 'cv', error: NO_PROFILE }, { status: 400 })
    const stored = await context.files.save(upload.file.bytes)
    const cv = { file: stored, name: cleanFileName(upload.file.name), size: upload.file.bytes.byteLength }
    const replaced = await replaceOwnCv(context.db, user.id, cv, now).catch(async (error: unknown) => {
      await context.files.discard(stored)
      throw error
    })
    if (replaced === 'no-profile') {
      await context.files.discard(stored)
      return data<Reply>({ intent: 'cv', error: NO_PROFILE }, { status: 400 })
    }
    // Only once the profile points at the new file: a failure before leaves the old CV in place.
    if (replaced.previousFile) await context.files.discard(replaced.previousFile)
    return redirect(withFlash('/candidat/profil', 'cv'))
  }
  if (intent === 'cv-delete') {
    const replaced = await replaceOwnCv(context.db, user.id, null, now)
    if (replaced !== 'no-profile' && replaced.previousFile) await context.files.discard(replaced.previousFile)
    return redirect(withFlash('/candidat/profil', 'cv-supprime'))
  }
  if (intent === 'consent') {
    const submission = parseWithZod(formData, { schema: ConsentSchema })
    if (submission.status !== 'success') return data<Reply>({ intent: 'consent', result: submission.reply() }, { status: 400 })
    if (!(await setOwnVisibility(context.db, user.id, true, now))) {
      return data<Reply>({ intent: 'consent', result: submission.reply({ formErrors: [NO_PROFILE] }) }, { status: 400 })
    }
    return redirect(withFlash('/candidat/profil', 'visible'))
  }
  if (intent === 'withdraw') {
    await setOwnVisibility(context.db, user.id, false, now)
    return redirect(withFlash('/candidat/profil', 'prive'))
  }
  const { submission, input } = await parseProfileForm(formData, context.db)
  if (!input) return data<Reply>({ intent: 'profile', result: submission.reply() }, { status: 400 })
  await saveOwnProfile(context.db, user.id, input, now)
  return redirect(withFlash('/candidat/profil', 'profil'))
}

export const meta: Route.MetaFunction = () => [{ title: 'Mon profil – Passerelle' }]

export default function CandidateProfile({ loaderData, actionData }: Route.ComponentProps) {
  const { profile, values, form } = loaderData
  const reply = actionData as Reply | undefined
  return (
    <section className="auth-page profile-page" aria-labelledby="titre-profil">
      <h1 id="titre-profil">Mon profil</h1>
      <p className="profile-visibility">
        {profile?.visibility === 'verified_recruiters' && profile.consentAt
          ? `Visibilité : votre profil est visible des recruteurs et recruteuses d’entreprises vérifiées (depuis le ${formatDate(profile.consentAt)}).`
          : 'Visibilité : votre profil est privé. Aucun recruteur ne le voit, sauf pour les offres auxquelles vous postulez.'}
      </p>
      {/* One flow in three steps: the CV and the consent are part of the profile, not an afterthought below its button. */}
      <nav aria-label="Étapes du profil" className="steps">
        <ol>
          <li><a href="#titre-infos">Mes informations</a></li>
          <li><a href="#titre-cv">Mon CV</a></li>
          <li><a href="#titre-visibilite">Visibilité</a></li>
        </ol>
      </nav>
      <h2 id="titre-infos">1. Mes informations</h2>
      <ProfileForm data={form} defaultValue={values} lastResult={reply?.intent === 'profile' ? reply.result : undefined} />

      <section aria-labelledby="titre-cv">
        <h2 id="titre-cv">2. Mon CV</h2>
        {profile ? (
          <CvForms cv={profile.cvName ? { name: profile.cvName, size: profile.cvSize ?? 0 } : null} error={reply?.intent === 'cv' ? reply.error : undefined} />
        ) : (
          <p>{NO_PROFILE}</p>
        )}
      </section>

      <section aria-labelledby="titre-visibilite">
        <h2 id="titre-visibilite">3. Visibilité de mon profil</h2>
        {profile ? (
          <ConsentForms visible={profile.visibility === 'verified_recruiters'} lastResult={reply?.intent === 'consent' ? reply.result : undefined} />
        ) : (
          <p>{NO_PROFILE}</p>
        )}
      </section>
    </section>
  )
}

function CvForms({ cv, error }: { cv: { name: string; size: number } | null; error: string | undefined }) {
  return (
    <>
      {cv ? (
        <div className="offer-actions">
          <p>
            Votre CV : <Link to="/candidat/cv" reloadDocument>{cv.name}</Link> ({Math.max(1, Math.round(cv.size / 1024))} Ko)
          </p>
          <Form method="post">
            <button className="button button--secondary" name="intent" value="cv-delete">Supprimer mon CV</button>
          </Form>
        </div>
      ) : (
        <p>Vous n’avez pas encore ajouté de CV.</p>
      )}
      <Form method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="cv-upload" />
        <div className="field">
          <label htmlFor="cv">{cv ? 'Remplacer mon CV (PDF, 5 Mo au plus)' : 'Mon CV (PDF, 5 Mo au plus)'}</label>
          <input id="cv" type="file" name="cv" accept="application/pdf,.pdf" required aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'cv-erreur' : undefined} />
          {error ? <p id="cv-erreur" className="field__errors">{error}</p> : null}
        </div>
        <button type="submit" className="button">Envoyer mon CV</button>
      </Form>
    </>
  )
}

function ConsentForms({ visible, lastResult }: { visible: boolean; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useZodForm(ConsentSchema, { lastResult })
  if (visible) {
    return (
      <Form method="post">
        <p>Vous pouvez retirer votre consentement à tout moment : votre profil redevient privé immédiatement.</p>
        <button className="button button--secondary" name="intent" value="withdraw">Retirer mon consentement</button>
      </Form>
    )
  }
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="consent" />
      <div className="facet__option">
        <input type="checkbox" id={fields.consent.id} name={fields.consent.name} value="on"
          aria-invalid={fields.consent.errors ? true : undefined} aria-describedby={fields.consent.errors ? fields.consent.errorId : undefined} />
        <label htmlFor={fields.consent.id}>
          J’accepte que mon profil soit visible des recruteurs et recruteuses d’entreprises vérifiées par Passerelle, qui pourront
          me proposer des offres. Je peux retirer ce consentement à tout moment.
        </label>
      </div>
      {fields.consent.errors?.length ? <p id={fields.consent.errorId} className="field__errors">{fields.consent.errors[0]}</p> : null}
      <button type="submit" className="button">Rendre mon profil visible</button>
    </Form>
  )
}

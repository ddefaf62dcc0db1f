import type { ContractType } from '#db/domain.ts'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { APPLICATION_STAGES } from '#db/domain.ts'
import {
  addApplicationNote,
  findApplication,
  listApplicantLanguages,
  listApplicantSkills,
  listApplicationNotes,
  moveApplicationStage,
} from '#db/queries/recruiter-applications.ts'
import { FormErrors, SelectField, TextAreaField } from '../components/field.tsx'
import { applicantName, safeLinks, trainingOf } from '../utils/applicant.ts'
import { NoteSchema, RouteId, StageSchema } from '../utils/application-schemas.ts'
import { invariantResponse } from '../utils/invariant.ts'
import {
  CONTRACT_LABELS, formatDate, formatDateTime, LANGUAGE_LABELS, REMOTE_PREFERENCE_LABELS, LANGUAGE_LEVEL_LABELS, SKILL_LEVEL_LABELS, STAGE_LABELS, type LanguageCode,
} from '../utils/labels.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import { notifyStageChange } from '../utils/application-mail.server.ts'
import type { Route } from './+types/recruiter-application'
import { withFlash } from '../utils/flash.ts'

const NOT_FOUND = 'Candidature introuvable dans votre espace.'
const WITHDRAWN = 'Cette candidature a été retirée par la personne : son étape ne change plus.'

async function loadOwnApplication(request: Request, id: string, db: Route.LoaderArgs['context']['db']) {
  const user = await requireRecruiter(request, db)
  const applicationId = RouteId.safeParse(id)
  // Not found, whether it does not exist or another company holds it.
  const application = applicationId.success ? await findApplication(db, user.id, applicationId.data) : undefined
  invariantResponse(application, NOT_FOUND)
  return { user, application }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, application: a } = await loadOwnApplication(request, params.id, context.db)
  const deleted = a.candidate_id === null
  // A withdrawn application no longer shares the profile (the queries return nothing more either).
  const withdrawn = a.withdrawn_at !== null
  const [skills, languages, notes] = await Promise.all([
    deleted || withdrawn ? [] : listApplicantSkills(context.db, user.id, a.id),
    deleted || withdrawn ? [] : listApplicantLanguages(context.db, user.id, a.id),
    listApplicationNotes(context.db, user.id, a.id),
  ])
  return {
    application: {
      id: a.id, stage: a.stage, createdAt: a.created_at, stageChangedAt: a.stage_changed_at, withdrawnAt: a.withdrawn_at,
      offerId: a.offer_id, offerTitle: a.offer_title, companyName: a.company_name,
    },
    // Nothing personal once the candidate deleted their account, not even their message.
    candidate: deleted || withdrawn
      ? null
      : {
          email: a.email,
          training: trainingOf(a),
          commune: a.commune_name,
          availableFrom: a.available_from,
          bio: a.bio ?? '',
          wishes: [
            ...(JSON.parse(a.contract_types ?? '[]') as ContractType[]).map((c) => CONTRACT_LABELS[c]),
            a.remote_preference ? `télétravail : ${REMOTE_PREFERENCE_LABELS[a.remote_preference].toLowerCase()}` : null,
            a.mobility_km != null ? `mobilité ${a.mobility_km} km` : null,
          ].filter(Boolean).join(', '),
          links: safeLinks(a.links),
          hasCv: a.cv_name !== null,
          message: a.message,
          skills: skills.map((s) => ({ name: s.name, level: SKILL_LEVEL_LABELS[s.level] ?? String(s.level) })),
          languages: languages.map((l) => ({
            language: LANGUAGE_LABELS[l.language as LanguageCode] ?? l.language,
            level: LANGUAGE_LEVEL_LABELS[l.level],
          })),
        },
    name: applicantName(a),
    notes,
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, application } = await loadOwnApplication(request, params.id, context.db)
  const formData = await request.formData()
  const back = `/recruteur/candidatures/${application.id}`
  if (formData.get('intent') === 'stage') {
    const submission = parseWithZod(formData, { schema: StageSchema })
    if (submission.status !== 'success') return data({ intent: 'stage' as const, result: submission.reply() }, { status: 400 })
    if (application.withdrawn_at) {
      return data({ intent: 'stage' as const, result: submission.reply({ formErrors: [WITHDRAWN] }) }, { status: 409 })
    }
    const moved = await moveApplicationStage(context.db, user.id, application.id, submission.value.stage, new Date())
    invariantResponse(moved, NOT_FOUND)
    // Every change of stage is told to the candidate (choosing the same stage again is not a change).
    if (submission.value.stage !== application.stage) await notifyStageChange(context, application.id)
    return redirect(withFlash(back, 'etape'))
  }
  if (formData.get('intent') === 'note') {
    const submission = parseWithZod(formData, { schema: NoteSchema })
    if (submission.status !== 'success') return data({ intent: 'note' as const, result: submission.reply() }, { status: 400 })
    const added = await addApplicationNote(context.db, user.id, application.id, submission.value.body, new Date())
    invariantResponse(added, NOT_FOUND)
    return redirect(withFlash(`${back}#notes`, 'note'))
  }
  return data(
    { intent: 'unknown' as const, result: { status: 'error' as const, error: { '': ['Action inconnue : rechargez la page et réessayez.'] } } },
    { status: 400 },
  )
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Candidature de ${data?.name ?? ''} – Passerelle` }]

export default function Application({ loaderData, actionData }: Route.ComponentProps) {
  const { application, candidate, name, notes } = loaderData
  const [stageForm, stageFields] = useZodForm(StageSchema, {
    lastResult: actionData?.intent === 'stage' ? actionData.result : undefined,
    defaultValue: { stage: application.stage },
  })
  const [noteForm, noteFields] = useZodForm(NoteSchema, { lastResult: actionData?.intent === 'note' ? actionData.result : undefined })
  return (
    <section className="company-page" aria-labelledby="titre-candidature">
      <p className="breadcrumb">
        <Link to={`/recruteur/offres/${application.offerId}/candidatures`}>Candidatures à « {application.offerTitle} »</Link>
      </p>
      <h1 id="titre-candidature">{name}</h1>
      {actionData?.intent === 'unknown' ? <FormErrors id="erreur-action" errors={actionData.result.error['']} /> : null}
      <p>
        Candidature reçue le {formatDate(application.createdAt)} · étape : <strong>{STAGE_LABELS[application.stage]}</strong>{' '}
        depuis le {formatDate(application.stageChangedAt)}
      </p>
      {application.withdrawnAt ? (
        <p className="notice" role="status">
          <strong>Candidature retirée</strong> par la personne le {formatDate(application.withdrawnAt)} : son profil et son CV ne vous sont
          plus partagés.
        </p>
      ) : null}
      {application.withdrawnAt ? <FormErrors id={stageForm.errorId} errors={stageForm.errors} /> : null}
      {application.withdrawnAt ? null : <Form method="post" {...getFormProps(stageForm)} className="stage-form">
        <FormErrors id={stageForm.errorId} errors={stageForm.errors} />
        <SelectField label="Étape" meta={stageFields.stage} options={APPLICATION_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} />
        <button type="submit" className="button" name="intent" value="stage">Changer d’étape</button>
      </Form>}

      {candidate ? (
        <>
          <h2>Message</h2>
          <p className="application-message">{candidate.message || 'Pas de message.'}</p>
          <h2>Profil</h2>
          <dl className="profile">
            <dt>E-mail</dt><dd><a href={`mailto:${candidate.email}`}>{candidate.email}</a></dd>
            <dt>Formation</dt><dd>{candidate.training || 'Non renseignée'}</dd>
            <dt>Commune</dt><dd>{candidate.commune ?? 'Non renseignée'}</dd>
            <dt>Présentation</dt><dd>{candidate.bio || 'Non renseignée'}</dd>
            <dt>Recherche</dt><dd>{candidate.wishes || 'Non renseignée'}</dd>
            <dt>Disponibilité</dt><dd>{candidate.availableFrom ? `À partir du ${formatDate(candidate.availableFrom)}` : 'Non renseignée'}</dd>
            <dt>Compétences</dt>
            <dd>{candidate.skills.length ? candidate.skills.map((s) => `${s.name} (${s.level})`).join(', ') : 'Non renseignées'}</dd>
            <dt>Langues</dt>
            <dd>{candidate.languages.length ? candidate.languages.map((l) => `${l.language} (${l.level})`).join(', ') : 'Non renseignées'}</dd>
            <dt>Liens</dt>
            <dd>
              {candidate.links.length
                ? candidate.links.map((l) => <a key={l} href={l} rel="noopener noreferrer nofollow">{l}</a>)
                : 'Aucun'}
            </dd>
            <dt>CV</dt>
            <dd>{candidate.hasCv ? <a href={`/recruteur/candidatures/${application.id}/cv`} download>Télécharger le CV</a> : 'Pas de CV déposé'}</dd>
          </dl>
        </>
      ) : application.withdrawnAt ? null : (
        <p>Cette personne a supprimé son compte : son profil et son message ne sont plus disponibles.</p>
      )}

      <h2 id="notes">Notes privées</h2>
      <p className="field__hint">Visibles seulement par l’équipe de {application.companyName}.</p>
      {notes.length === 0 ? (
        <p>Aucune note pour l’instant.</p>
      ) : (
        <ol className="notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="notes__meta">{n.author_name ?? 'Ancien membre'}, le {formatDateTime(n.created_at)}</p>
              <p className="notes__body">{n.body}</p>
            </li>
          ))}
        </ol>
      )}
      <Form method="post" {...getFormProps(noteForm)}>
        <FormErrors id={noteForm.errorId} errors={noteForm.errors} />
        <TextAreaField label="Nouvelle note" meta={noteFields.body} />
        <button type="submit" className="button" name="intent" value="note">Ajouter la note</button>
      </Form>
    </section>
  )
}

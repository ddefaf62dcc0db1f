import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import {
  findOrganiserForum, forumCounts, forumInputOf, inviteCompany, listForumCompaniesForOrganiser, listInvitableCompanies,
  setForumStatus, updateForum,
} from '#db/queries/forums.ts'
import { FormErrors, SelectField } from '../components/field.tsx'
import { ForumForm } from '../components/forum-form.tsx'
import { forumFormData, parseForumForm } from '../utils/forum-form.server.ts'
import { FORUM_STATUS_LABELS, ForumStatusSchema, InviteSchema, slotCount } from '../utils/forum-schema.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { requireOrganiser } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/organiser-forum'
import { withFlash } from '../utils/flash.ts'
import { formatDay, formatTime } from '../utils/labels.ts'

const INVITATION_LABELS = { invited: 'invitée, sans réponse', accepted: 'participe', declined: 'a décliné' } as const

async function loadOwnForum(request: Request, slug: string, db: Route.LoaderArgs['context']['db']) {
  const user = await requireOrganiser(request, db)
  // Not found, whether it does not exist or another organiser runs it.
  const forum = await findOrganiserForum(db, user, slug)
  invariantResponse(forum, 'Forum introuvable dans votre espace.')
  return { user, forum }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, forum } = await loadOwnForum(request, params.slug, context.db)
  const [counts, companies, invitable, form] = await Promise.all([
    forumCounts(context.db, user, forum.id),
    listForumCompaniesForOrganiser(context.db, user, forum.id),
    listInvitableCompanies(context.db, forum.id),
    forumFormData(context.db, forum.commune_insee),
  ])
  const values = forumInputOf(forum)
  return {
    forum,
    slots: slotCount(forum.opens_at, forum.closes_at, forum.slot_minutes),
    counts,
    companies,
    invitable,
    form,
    values: { ...values, slotMinutes: String(values.slotMinutes), tablesPerCompany: String(values.tablesPerCompany),
      maxInterviewsPerCandidate: String(values.maxInterviewsPerCandidate) },
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, forum } = await loadOwnForum(request, params.slug, context.db)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const now = new Date()
  if (intent === 'status') {
    const submission = parseWithZod(formData, { schema: ForumStatusSchema })
    if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
    await setForumStatus(context.db, user, forum.id, submission.value.status, now)
    return redirect(withFlash(`/organisation/forums/${forum.slug}`, 'forum-statut'))
  }
  if (intent === 'invite') {
    const submission = parseWithZod(formData, { schema: InviteSchema })
    if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
    const invited = await inviteCompany(context.db, user, forum.id, submission.value.companyId, now)
    if (!invited) {
      const reply = submission.reply({ fieldErrors: { companyId: ['Cette entreprise n’est pas vérifiée ou déjà invitée.'] } })
      return data({ intent, result: reply }, { status: 400 })
    }
    return redirect(withFlash(`/organisation/forums/${forum.slug}`, 'entreprise-invitee'))
  }
  const { submission, input } = await parseForumForm(formData, context.db)
  if (!input) return data({ intent: 'save', result: submission.reply() }, { status: 400 })
  await updateForum(context.db, user, forum.id, input, now)
  return redirect(withFlash(`/organisation/forums/${forum.slug}`, 'forum-enregistre'))
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.forum.name ?? 'Forum'} – Passerelle` }]

export default function OrganiserForum({ loaderData, actionData }: Route.ComponentProps) {
  const { forum, slots, counts, companies, invitable, form, values } = loaderData
  const [inviteForm, inviteFields] = useZodForm(InviteSchema, { lastResult: actionData?.intent === 'invite' ? actionData.result : undefined })
  const next = forum.status === 'draft' ? [['open', 'Ouvrir les inscriptions']] as const
    : forum.status === 'open' ? [['closed', 'Clore le forum'], ['draft', 'Repasser en brouillon']] as const
    : [['open', 'Rouvrir les inscriptions']] as const
  return (
    <section className="auth-page" aria-labelledby="titre-forum">
      <p className="breadcrumb"><Link to="/organisation">Espace organisation</Link></p>
      <h1 id="titre-forum">{forum.name}</h1>
      <p>
        {formatDay(forum.date)} · {forum.commune_name} · {formatTime(forum.opens_at)}–{formatTime(forum.closes_at)} ·{' '}
        <strong>{slots} créneau{slots > 1 ? 'x' : ''} de {forum.slot_minutes} min</strong>
      </p>
      <p>État : <span className="status">{FORUM_STATUS_LABELS[forum.status]}</span>
        {forum.status !== 'draft' ? <> · <Link to={`/forums/${forum.slug}`}>page publique</Link></> : null}
      </p>
      {actionData?.intent === 'status' ? <FormErrors id="erreurs-etat" errors={Object.values(actionData.result.error ?? {}).flat().filter((e): e is string => !!e)} /> : null}
      <div className="offer-actions">
        {next.map(([status, label]) => (
          <Form method="post" key={status}>
            <input type="hidden" name="status" value={status} />
            <button className="button button--secondary" name="intent" value="status">{label}</button>
          </Form>
        ))}
        <Link className="button button--secondary" to={`/organisation/forums/${forum.slug}/import`}>Importer des candidat·es (CSV)</Link>
        <Link className="button button--secondary" to={`/organisation/forums/${forum.slug}/tableau-de-bord`}>Tableau de bord, exports et agendas</Link>
        <Link className="button button--secondary" to={`/organisation/forums/${forum.slug}/planning`}>Planning et correspondances</Link>
        <Link className="button button--secondary" to={`/organisation/forums/${forum.slug}/programmes`}>Envoyer les programmes par e-mail</Link>
      </div>

      <section aria-labelledby="titre-tableau">
        <h2 id="titre-tableau">Tableau de bord</h2>
        <dl className="forum-counts">
          <dt>Entreprises invitées</dt><dd>{counts.invited}</dd>
          <dt>Entreprises participantes</dt><dd>{counts.accepted}</dd>
          <dt>Offres présentées</dt><dd>{counts.offers}</dd>
          <dt>Candidat·es confirmé·es</dt><dd>{counts.confirmed}</dd>
          <dt>Candidat·es en attente de confirmation</dt><dd>{counts.waiting}</dd>
          <dt>Souhaits des candidat·es</dt><dd>{counts.wishesByCandidates}</dd>
          <dt>Souhaits des entreprises</dt><dd>{counts.wishesByCompanies}</dd>
        </dl>
      </section>

      <section aria-labelledby="titre-entreprises">
        <h2 id="titre-entreprises">Entreprises</h2>
        {companies.length ? (
          <ul>
            {companies.map((c) => (
              <li key={c.id}>{c.name} — {INVITATION_LABELS[c.status]}{c.status === 'accepted' ? `, ${c.offers} offre(s)` : ''}</li>
            ))}
          </ul>
        ) : <p>Aucune entreprise invitée pour l’instant.</p>}
        {invitable.length ? (
          <Form method="post" {...getFormProps(inviteForm)}>
            <input type="hidden" name="intent" value="invite" />
            <SelectField label="Entreprise vérifiée à inviter" meta={inviteFields.companyId} empty="Choisir…"
              options={invitable.map((c) => ({ value: String(c.id), label: c.name }))} />
            <button type="submit" className="button">Inviter</button>
          </Form>
        ) : <p>Toutes les entreprises vérifiées sont invitées.</p>}
      </section>

      <section aria-labelledby="titre-modifier">
        <h2 id="titre-modifier">Modifier le forum</h2>
        <ForumForm data={form} lastResult={actionData?.intent === 'save' ? actionData.result : undefined}
          submitLabel="Enregistrer les modifications" defaultValue={values} />
      </section>
    </section>
  )
}

import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { hitRateLimit } from '#db/queries/accounts.ts'
import {
  createInvitation,
  dropOlderInvitations,
  findTeamCompany,
  listMembers,
  listPendingInvitations,
  removeMember,
  revokeInvitation,
} from '#db/queries/company-team.ts'
import { Field, FormErrors } from '../components/field.tsx'
import { invariantResponse } from '../utils/invariant.ts'
import { formatDate } from '../utils/labels.ts'
import { tooManyAttempts } from '../utils/rate-limit.server.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import { InviteSchema, RemoveMemberSchema, RevokeSchema } from '../utils/team-schemas.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/recruiter-team'
import { passRetryAfter } from '../utils/retry-after.ts'
import { TableScroll } from '../components/table-scroll.tsx'
import { withFlash } from '../utils/flash.ts'

const HOUR_MS = 3_600_000
const INVITES_PER_HOUR = 20

async function loadTeam(request: Request, slug: string, db: Route.LoaderArgs['context']['db']) {
  const user = await requireRecruiter(request, db)
  const company = await findTeamCompany(db, user.id, slug)
  invariantResponse(company, 'Entreprise introuvable dans votre espace.')
  return { user, company }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, company } = await loadTeam(request, params.slug, context.db)
  const isOwner = company.role === 'owner'
  const [members, invitations] = await Promise.all([
    listMembers(context.db, user.id, company.slug),
    isOwner ? listPendingInvitations(context.db, user.id, company.slug, new Date()) : [],
  ])
  return { company: { slug: company.slug, name: company.name }, isOwner, me: user.id, members, invitations }
}

/** A 429 keeps its Retry-After on the page. */
export const headers = passRetryAfter

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, company } = await loadTeam(request, params.slug, context.db)
  invariantResponse(company.role === 'owner', 'Seuls les propriétaires de l’entreprise gèrent son équipe.', { status: 403 })
  const formData = await request.formData()
  const intent = formData.get('intent')
  const back = `/recruteur/entreprises/${company.slug}/equipe`

  if (intent === 'revoke') {
    const submission = parseWithZod(formData, { schema: RevokeSchema })
    if (submission.status !== 'success') return data({ intent: 'revoke' as const, result: submission.reply() }, { status: 400 })
    const revoked = await revokeInvitation(context.db, user.id, company.slug, submission.value.invitationId)
    invariantResponse(revoked, 'Invitation introuvable : elle a peut-être déjà été acceptée ou retirée.')
    return redirect(withFlash(back, 'invitation-retiree'))
  }
  if (intent === 'remove') {
    const submission = parseWithZod(formData, { schema: RemoveMemberSchema })
    if (submission.status !== 'success') return data({ intent: 'remove' as const, result: submission.reply() }, { status: 400 })
    const removed = await removeMember(context.db, user.id, company.slug, submission.value.userId)
    if (removed === 'last-owner') {
      return data(
        { intent: 'remove' as const, result: submission.reply({ formErrors: ['L’entreprise doit garder au moins un·e propriétaire : pour la transmettre, invitez la personne puis écrivez à l’équipe Passerelle.'] }) },
        { status: 400 },
      )
    }
    invariantResponse(removed, 'Ce membre ne fait pas (ou plus) partie de l’équipe.')
    return redirect(removed && submission.value.userId === user.id ? '/recruteur' : withFlash(back, 'membre-retire'))
  }

  const submission = parseWithZod(formData, { schema: InviteSchema })
  if (submission.status !== 'success') return data({ intent: 'invite' as const, result: submission.reply() }, { status: 400 })
  const now = new Date()
  const blocked = tooManyAttempts(
    [await hitRateLimit(context.db, `invite:${company.id}`, now, { limit: INVITES_PER_HOUR, windowMs: HOUR_MS })],
    'Trop d’invitations envoyées depuis une heure.',
  )
  if (blocked) return data({ intent: 'invite' as const, result: submission.reply({ formErrors: [blocked.message] }) }, blocked.init)
  const created = await createInvitation(context.db, user.id, company.slug, submission.value.email, now)
  invariantResponse(created, 'Entreprise introuvable dans votre espace.')
  if (created === 'already-member') {
    return data({ intent: 'invite' as const, result: submission.reply({ fieldErrors: { email: ['Cette personne fait déjà partie de l’équipe.'] } }) }, { status: 400 })
  }
  const link = `${context.publicUrl}/invitation?${new URLSearchParams({ jeton: created.token })}`
  try {
    await context.mailer.send({
      to: submission.value.email,
      subject: `${user.display_name} vous invite à rejoindre ${company.name} sur Passerelle`,
      text:
        `Bonjour,\n\n${user.display_name} vous invite à rejoindre l’équipe de ${company.name} sur Passerelle, ` +
        `pour publier ses offres et suivre ses candidatures.\n\nPour accepter, ouvrez ce lien (valable 7 jours) :\n${link}\n\n` +
        `Si vous ne vous attendiez pas à ce message, ignorez-le.\n\nL’équipe Passerelle`,
    })
  } catch (error) {
    // An invitation nobody received would only confuse: it goes, and the owner may try again.
    console.error('Envoi du courriel d’invitation impossible', error)
    await revokeInvitation(context.db, user.id, company.slug, created.invitationId)
    return data(
      { intent: 'invite' as const, result: submission.reply({ formErrors: ['Le courriel d’invitation n’a pas pu partir. Réessayez dans un instant.'] }) },
      { status: 503 },
    )
  }
  await dropOlderInvitations(context.db, created.invitationId)
  return redirect(withFlash(back, 'invitation-envoyee'))
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Équipe de ${data?.company.name ?? ''} – Passerelle` }]

export default function Team({ loaderData, actionData }: Route.ComponentProps) {
  const { company, isOwner, me, members, invitations } = loaderData
  const [form, fields] = useZodForm(InviteSchema, { lastResult: actionData?.intent === 'invite' ? actionData.result : undefined })
  // Errors of the remove and revoke buttons, shown above the lists they concern.
  const listErrors = actionData && actionData.intent !== 'invite' ? Object.values(actionData.result.error ?? {}).flat().filter((m): m is string => Boolean(m)) : []
  return (
    <section className="company-page" aria-labelledby="titre-equipe">
      <p className="breadcrumb">
        <Link to={`/recruteur/entreprises/${company.slug}/offres`}>Offres de {company.name}</Link> ·{' '}
        <Link to={`/recruteur/entreprises/${company.slug}`}>Fiche de l’entreprise</Link>
      </p>
      <h1 id="titre-equipe">Équipe de {company.name}</h1>
      <FormErrors id="erreurs-equipe" errors={listErrors} />
      <TableScroll label="Membres">
      <table className="data-table">
        <caption>Membres</caption>
        <thead>
          <tr><th scope="col">Nom</th><th scope="col">E-mail</th><th scope="col">Rôle</th>{isOwner ? <th scope="col"><span className="visually-hidden">Action</span></th> : null}</tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>{m.display_name}</td>
              <td>{m.email}</td>
              <td>{m.role === 'owner' ? 'Propriétaire' : 'Membre'}</td>
              {isOwner ? (
                <td>
                  <Form method="post">
                    <input type="hidden" name="userId" value={m.id} />
                    <button className="button button--secondary" name="intent" value="remove">
                      {m.id === me ? 'Quitter l’équipe' : `Retirer ${m.display_name}`}
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      {isOwner ? (
        <>
          <h2>Inviter une personne</h2>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field label="Adresse e-mail de la personne à inviter" meta={fields.email} type="email" autoComplete="off"
              hint="Elle recevra un lien valable 7 jours pour rejoindre l’équipe." />
            <button type="submit" className="button" name="intent" value="invite">Envoyer l’invitation</button>
          </Form>
          <h2>Invitations en attente</h2>
          {invitations.length === 0 ? (
            <p>Aucune invitation en attente.</p>
          ) : (
            <ul className="company-list">
              {invitations.map((i) => (
                <li key={i.id}>
                  {i.email} · envoyée le {formatDate(i.created_at)}, valable jusqu’au {formatDate(i.expires_at)}
                  <Form method="post">
                    <input type="hidden" name="invitationId" value={i.id} />
                    <button className="button button--secondary" name="intent" value="revoke">Retirer l’invitation de {i.email}</button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p>Seuls les propriétaires de l’entreprise invitent et retirent des membres.</p>
      )}
    </section>
  )
}

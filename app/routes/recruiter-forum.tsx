import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import {
  answerForumInvitation, findMemberForum, listCompanyOffersForForum, listForumCandidatesForCompany, setCompanyWish,
} from '#db/queries/forum-companies.ts'
import { FormErrors } from '../components/field.tsx'
import { AnswerSchema, CompanyWishSchema } from '../utils/forum-schema.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import type { Route } from './+types/recruiter-forum'
import { withFlash } from '../utils/flash.ts'
import { formatDay, formatTime } from '../utils/labels.ts'

const LEVELS = ['', 'notions', 'intermédiaire', 'avancé', 'expert']
const FORUM_NOT_FOUND = 'Forum introuvable : aucune de vos entreprises n’y est invitée.'

async function loadMemberForum(request: Request, slug: string, db: Route.LoaderArgs['context']['db']) {
  const user = await requireRecruiter(request, db)
  const found = await findMemberForum(db, user.id, slug)
  invariantResponse(found, FORUM_NOT_FOUND)
  return { user, ...found }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, forum, companies } = await loadMemberForum(request, params.slug, context.db)
  return {
    forum,
    companies: await Promise.all(companies.map(async (c) => ({
      ...c,
      offers: await listCompanyOffersForForum(context.db, user.id, forum.id, c.id),
      candidates: c.invitation === 'accepted' ? await listForumCandidatesForCompany(context.db, user.id, forum.id, c.id) : [],
    }))),
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, forum } = await loadMemberForum(request, params.slug, context.db)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const now = new Date()
  const refuse = (message: string, status = 400) => data({ error: message }, { status })
  if (intent === 'answer') {
    const submission = parseWithZod(formData, { schema: AnswerSchema })
    if (submission.status !== 'success') return refuse(Object.values(submission.error ?? {}).flat()[0] ?? 'Réponse invalide.')
    const v = submission.value
    const outcome = await answerForumInvitation(context.db, user.id, forum.id, v.companyId,
      v.decision === 'accept' ? { accept: true, offerIds: v.offerIds } : { accept: false }, now)
    if (outcome === 'not-found') throw new Response(FORUM_NOT_FOUND, { status: 404 })
    if (outcome === 'closed') return refuse('Ce forum est clos : la participation et les offres ne changent plus.', 409)
    if (outcome === 'unknown-offer') return refuse('Choisissez parmi les offres publiées de votre entreprise.')
    return redirect(withFlash(`/recruteur/forums/${forum.slug}`, 'reponse-forum'))
  }
  if (intent === 'wish') {
    const submission = parseWithZod(formData, { schema: CompanyWishSchema })
    if (submission.status !== 'success') return refuse(Object.values(submission.error ?? {}).flat()[0] ?? 'Choix invalide.')
    const v = submission.value
    const done = await setCompanyWish(context.db, user.id, forum.id, v.companyId, v.candidateId, v.wish === '1', now)
    if (!done) return refuse('Ce souhait n’est pas possible : forum fermé, participation non confirmée ou candidat·e non inscrit·e.', 409)
    return redirect(withFlash(`/recruteur/forums/${forum.slug}`, 'souhait-forum'))
  }
  return refuse('Action inconnue.')
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.forum.name ?? 'Forum'} – Espace recruteur – Passerelle` }]

export default function RecruiterForum({ loaderData, actionData }: Route.ComponentProps) {
  const { forum, companies } = loaderData
  const closed = forum.status === 'closed'
  return (
    <section className="auth-page" aria-labelledby="titre-forum">
      <p className="breadcrumb"><Link to="/recruteur/forums">Forums de recrutement</Link></p>
      <h1 id="titre-forum">{forum.name}</h1>
      <p>{formatDay(forum.date)} · {forum.venue}, {forum.commune_name} · {formatTime(forum.opens_at)}–{formatTime(forum.closes_at)}{closed ? ' · forum clos' : ''}</p>
      <FormErrors id="erreurs-forum" errors={actionData?.error ? [actionData.error] : undefined} />
      {companies.some((c) => c.invitation === 'accepted') ? (
        <p><Link to={`/recruteur/forums/${forum.slug}/resultats`}>Vos entretiens (horaires, tables) et leurs résultats</Link></p>
      ) : null}
      {companies.map((c) => (
        <section key={c.id} aria-labelledby={`entreprise-${c.id}`}>
          <h2 id={`entreprise-${c.id}`}>{c.name}</h2>
          <p>{c.invitation === 'accepted' ? 'Vous participez.' : c.invitation === 'declined' ? 'Vous avez décliné l’invitation.' : 'Vous êtes invité·e : participez-vous ?'}</p>
          {closed ? null : (
            <Form method="post">
              <input type="hidden" name="companyId" value={c.id} />
              <input type="hidden" name="intent" value="answer" />
              <fieldset>
                <legend>Offres présentées au forum</legend>
                {c.offers.length === 0 ? <p>Aucune offre publiée : vous pouvez participer sans offre.</p> : null}
                {c.offers.map((o) => (
                  <div key={o.id} className="facet__option">
                    <input type="checkbox" id={`offre-${c.id}-${o.id}`} name="offerIds" value={o.id} defaultChecked={o.brought !== null} />
                    <label htmlFor={`offre-${c.id}-${o.id}`}>{o.title}</label>
                  </div>
                ))}
              </fieldset>
              <div className="offer-actions">
                <button className="button" name="decision" value="accept">
                  {c.invitation === 'accepted' ? 'Enregistrer les offres' : 'Participer avec ces offres'}
                </button>
                {c.invitation !== 'declined' ? <button className="button button--secondary" name="decision" value="decline">Décliner</button> : null}
              </div>
            </Form>
          )}
          {c.invitation === 'accepted' ? (
            <>
              <h3>Candidat·es inscrit·es</h3>
              {c.candidates.length === 0 ? <p>Aucun·e candidat·e confirmé·e pour l’instant.</p> : (
                <ul className="forum-candidates">
                  {c.candidates.map((p) => (
                    <li key={p.id}>
                      <strong>{p.first_name} {p.initial}.</strong> — {p.programme || 'formation non précisée'}{p.school ? `, ${p.school}` : ''}
                      {p.skills.length ? <> · {p.skills.map((s) => `${s.name} (${LEVELS[s.level]})`).join(', ')}</> : null}
                      {p.wishesUs ? <> · <em>souhaite vous rencontrer</em></> : null}
                      {forum.status === 'open' ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="wish" />
                          <input type="hidden" name="companyId" value={c.id} />
                          <input type="hidden" name="candidateId" value={p.id} />
                          <button className="button button--secondary" name="wish" value={p.wished ? '0' : '1'}
                            aria-label={`${p.wished ? 'Ne plus souhaiter rencontrer' : 'Souhaiter rencontrer'} ${p.first_name} ${p.initial}.`}>
                            {p.wished ? 'Ne plus souhaiter rencontrer' : 'Souhaiter rencontrer'}
                          </button>
                        </Form>
                      ) : p.wished ? <> · vous souhaitez rencontrer</> : null}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : null}
        </section>
      ))}
    </section>
  )
}

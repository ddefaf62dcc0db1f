import { data, Form, Link, redirect } from 'react-router'
import { acceptInvitation, findInvitation } from '#db/queries/company-team.ts'
import { normalizeEmail } from '#db/queries/accounts.ts'
import { getOptionalUser, requireUser } from '../utils/session.server.ts'
import type { Route } from './+types/invitation'
import { withFlash } from '../utils/flash.ts'

const INVALID = 'Cette invitation n’existe pas ou n’est plus valable : elle a déjà servi, a été retirée ou date de plus de 7 jours. Demandez-en une nouvelle à l’entreprise.'
const NOT_RECRUITER = 'Cette invitation est destinée à un compte recruteur. Déconnectez-vous, puis connectez-vous ou créez un compte recruteur avec l’adresse invitée.'
const OTHER_EMAIL = 'Cette invitation a été envoyée à une autre adresse e-mail que celle de votre compte. Connectez-vous avec le compte de l’adresse invitée.'

function tokenOf(request: Request): string {
  const token = new URL(request.url).searchParams.get('jeton') ?? ''
  return token.length <= 200 ? token : ''
}

/** Where the visitor stands with this invitation, and the HTTP status that says it. */
async function standing(request: Request, db: Route.LoaderArgs['context']['db']) {
  const token = tokenOf(request)
  const invitation = token ? await findInvitation(db, token, new Date()) : undefined
  if (!invitation) return { state: 'invalid' as const, status: 404 }
  const company = { name: invitation.company_name }
  const user = await getOptionalUser(request, db)
  if (!user) return { state: 'anonymous' as const, status: 200, company, invitation, token }
  if (user.role !== 'recruiter' && user.role !== 'admin') return { state: 'refused' as const, status: 403, company, message: NOT_RECRUITER }
  if (normalizeEmail(user.email) !== invitation.email) return { state: 'refused' as const, status: 403, company, message: OTHER_EMAIL }
  return { state: 'ready' as const, status: 200, company, invitation, token, user }
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const s = await standing(request, context.db)
  const back = `/invitation?${new URLSearchParams({ jeton: tokenOf(request) })}`
  const view =
    s.state === 'invalid' ? { state: s.state }
    : s.state === 'refused' ? { state: s.state, companyName: s.company.name, message: s.message }
    : { state: s.state, companyName: s.company.name, email: s.invitation.email, back }
  return data(view, { status: s.status })
}

export async function action({ request, context }: Route.ActionArgs) {
  await requireUser(request, context.db)
  const s = await standing(request, context.db)
  if (s.state === 'invalid') throw new Response(INVALID, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  if (s.state !== 'ready') throw new Response(s.state === 'refused' ? s.message : INVALID, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const joined = await acceptInvitation(context.db, s.token, s.user, new Date())
  if (!joined) throw new Response(INVALID, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return redirect(withFlash(`/recruteur/entreprises/${joined.companySlug}/offres`, 'equipe-rejointe'))
}

export const meta: Route.MetaFunction = () => [{ title: 'Invitation – Passerelle' }]

export default function Invitation({ loaderData }: Route.ComponentProps) {
  const view = loaderData
  return (
    <section className="auth-page" aria-labelledby="titre-invitation">
      {view.state === 'invalid' ? (
        <>
          <h1 id="titre-invitation">Invitation introuvable</h1>
          <p>{INVALID}</p>
          <p><Link to="/">Retour à l’accueil</Link></p>
        </>
      ) : view.state === 'refused' ? (
        <>
          <h1 id="titre-invitation">Invitation à rejoindre {view.companyName}</h1>
          <p role="alert">{view.message}</p>
        </>
      ) : (
        <>
          <h1 id="titre-invitation">Invitation à rejoindre {view.companyName}</h1>
          <p>
            Vous êtes invité·e à rejoindre l’équipe de {view.companyName} sur Passerelle, avec l’adresse {view.email}.
          </p>
          {view.state === 'ready' ? (
            <Form method="post">
              <button type="submit" className="button">Rejoindre l’équipe</button>
            </Form>
          ) : (
            <p className="offer-actions">
              <Link className="button" to={`/connexion?${new URLSearchParams({ redirectTo: view.back })}`}>Se connecter</Link>
              <Link className="button button--secondary" to={`/inscription?${new URLSearchParams({ role: 'recruiter', redirectTo: view.back })}`}>
                Créer un compte recruteur
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  )
}

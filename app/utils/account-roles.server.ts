import type { SessionUser } from './session.server.ts'

// Recruiters, organisers and admins own or moderate shared things (companies,
// offers, events): their accounts are closed by the admins, who first hand
// those over. Only candidates delete or export their account themselves.
export const SELF_SERVICE_REFUSED =
  'La suppression et l’export en ligne sont réservés aux comptes candidats. Pour fermer un compte recruteur, ' +
  'organisateur ou administrateur, écrivez à l’équipe Passerelle : elle transmet d’abord l’entreprise et ses offres ' +
  'à un autre membre, puis supprime le compte.'

/** A French 403 for any signed-in user who is not a candidate. */
export function requireSelfServiceCandidate(user: SessionUser): void {
  if (user.role !== 'candidate') {
    throw new Response(SELF_SERVICE_REFUSED, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
}

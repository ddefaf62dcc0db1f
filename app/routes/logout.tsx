import { redirect } from 'react-router'
import { deleteAllSessions } from '#db/queries/accounts.ts'
import { getOptionalUser, signOut } from '../utils/session.server.ts'
import type { Route } from './+types/logout'

// Logging out changes state, so only a POST does it (SameSite=Lax keeps other sites from posting it).
export function loader() {
  throw redirect('/')
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await request.formData()
  // "Se déconnecter de tous les appareils" (account page): every session of the account ends, this one too.
  if (formData.get('intent') === 'everywhere') {
    const user = await getOptionalUser(request, context.db)
    if (user) await deleteAllSessions(context.db, user.id)
  }
  return signOut(request, context.db)
}

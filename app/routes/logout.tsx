import { redirect } from 'react-router'
import { signOut } from '../utils/session.server.ts'
import type { Route } from './+types/logout'

// Logging out changes state, so only a POST does it (SameSite=Lax keeps other sites from posting it).
export function loader() {
  throw redirect('/')
}

export async function action({ request, context }: Route.ActionArgs) {
  return signOut(request, context.db)
}

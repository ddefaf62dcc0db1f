import { exportCandidateData } from '#db/queries/personal-data.ts'
import { requireSelfServiceCandidate } from '../utils/account-roles.server.ts'
import { downloadResponse } from '../utils/download.server.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { requireUser } from '../utils/session.server.ts'
import type { Route } from './+types/account-data-export'

/** The candidate's right of access and portability: everything, CV included, in one download. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context.db)
  requireSelfServiceCandidate(user)
  const exported = await exportCandidateData(context.db, context.files, user.id, new Date())
  invariantResponse(exported, 'Ce compte n’existe plus.')
  return downloadResponse(JSON.stringify(exported, null, 2), { name: 'passerelle-mes-donnees.json', type: 'application/json; charset=utf-8' })
}

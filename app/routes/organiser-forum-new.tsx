import { data, Link, redirect } from 'react-router'
import { createForum } from '#db/queries/forums.ts'
import { ForumForm } from '../components/forum-form.tsx'
import { forumFormData, parseForumForm } from '../utils/forum-form.server.ts'
import { requireOrganiser } from '../utils/session.server.ts'
import type { Route } from './+types/organiser-forum-new'
import { withFlash } from '../utils/flash.ts'

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireOrganiser(request, context.db)
  return { form: await forumFormData(context.db) }
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireOrganiser(request, context.db)
  const { submission, input } = await parseForumForm(await request.formData(), context.db)
  if (!input) return data(submission.reply(), { status: 400 })
  const { slug } = await createForum(context.db, user.id, input, new Date())
  return redirect(withFlash(`/organisation/forums/${slug}`, 'forum-cree'))
}

export const meta: Route.MetaFunction = () => [{ title: 'Nouveau forum – Passerelle' }]

export default function NewForum({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <section className="auth-page" aria-labelledby="titre-nouveau-forum">
      <p className="breadcrumb"><Link to="/organisation">Espace organisation</Link></p>
      <h1 id="titre-nouveau-forum">Nouveau forum</h1>
      <p>Le forum reste en brouillon, invisible du public, tant que vous n’ouvrez pas les inscriptions.</p>
      <ForumForm
        data={loaderData.form}
        lastResult={actionData}
        submitLabel="Créer le forum"
        defaultValue={{ opensAt: '09:00', closesAt: '17:00', slotMinutes: '20', tablesPerCompany: '1', maxInterviewsPerCandidate: '6' }}
      />
    </section>
  )
}

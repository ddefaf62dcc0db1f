import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { confirmRegistration, findOwnRegistration, findPublicForum } from '#db/queries/forum-candidates.ts'
import { CONSENT_LABEL, RegistrationSchema } from '../utils/forum-schema.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { requireCandidate } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/forum-confirm'
import { withFlash } from '../utils/flash.ts'
import { formatDay } from '../utils/labels.ts'

const NOT_FOUND = 'Aucune inscription à ce forum n’attend votre confirmation.'

/** The link of the import e-mail: only a candidate the school registered reaches it. */
async function loadOwnRegistration(request: Request, slug: string, db: Route.LoaderArgs['context']['db']) {
  const user = await requireCandidate(request, db)
  const forum = await findPublicForum(db, slug)
  const registration = forum ? await findOwnRegistration(db, user.id, forum.id) : undefined
  invariantResponse(forum && registration, NOT_FOUND)
  return { user, forum, registration }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { forum, registration } = await loadOwnRegistration(request, params.slug, context.db)
  return { forum, confirmed: registration.consent_at !== null }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, forum } = await loadOwnRegistration(request, params.slug, context.db)
  const submission = parseWithZod(await request.formData(), { schema: RegistrationSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  if (forum.status !== 'open') return data(submission.reply({ formErrors: ['Les inscriptions à ce forum sont closes.'] }), { status: 409 })
  await confirmRegistration(context.db, user.id, forum.id, new Date())
  return redirect(withFlash(`/forums/${forum.slug}`, 'confirme'))
}

export const meta: Route.MetaFunction = () => [{ title: 'Confirmer mon inscription – Passerelle' }]

export default function ConfirmForum({ loaderData, actionData }: Route.ComponentProps) {
  const { forum, confirmed } = loaderData
  const [form, fields] = useZodForm(RegistrationSchema, { lastResult: actionData })
  return (
    <section className="auth-page" aria-labelledby="titre-confirmer">
      <h1 id="titre-confirmer">Confirmer mon inscription</h1>
      <p>Forum « <Link to={`/forums/${forum.slug}`}>{forum.name}</Link> », le {formatDay(forum.date)} à {forum.commune_name}.</p>
      {confirmed ? <p role="status">Votre inscription est déjà confirmée.</p> : (
        <Form method="post" {...getFormProps(form)}>
          {form.errors?.length ? <div className="form-errors" role="alert">{form.errors.map((e) => <p key={e}>{e}</p>)}</div> : null}
          <p>Votre école vous a inscrit·e. Tant que vous n’avez pas confirmé, aucune entreprise ne voit votre profil.</p>
          <div className="field field--checkbox">
            <input type="checkbox" id={fields.consent.id} name={fields.consent.name} />
            <label htmlFor={fields.consent.id}>{CONSENT_LABEL}</label>
            {fields.consent.errors?.length ? <p id={fields.consent.errorId} className="field__errors">{fields.consent.errors[0]}</p> : null}
          </div>
          <button type="submit" className="button">Confirmer ma participation</button>
          <p><Link to="/candidat/profil">Compléter mon profil</Link> (compétences, mobilité) aide les entreprises à vous proposer un entretien.</p>
        </Form>
      )}
    </section>
  )
}

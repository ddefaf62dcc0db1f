import { getFormProps, getInputProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, redirect } from 'react-router'
import { findForumForMember, listMemberInterviews, setInterviewOutcome } from '#db/queries/forum-outcomes.ts'
import { FormErrors } from '../components/field.tsx'
import { applicantName } from '../utils/applicant.ts'
import { OUTCOME_LABELS, OutcomeSchema, venueToday } from '../utils/forum-outcome-schema.ts'
import { slotRange } from '../utils/forum-slots.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { formatDay } from '../utils/labels.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/recruiter-forum-outcomes'
import { TableScroll } from '../components/table-scroll.tsx'
import { withFlash } from '../utils/flash.ts'

const NOT_FOUND = 'Forum introuvable parmi ceux où votre entreprise participe.'
const TOO_EARLY = 'Les résultats se saisissent à partir du jour du forum.'

async function loadForum(request: Request, slug: string, db: Route.LoaderArgs['context']['db']) {
  const user = await requireRecruiter(request, db)
  // Not found, whether the forum does not exist or none of the user's companies takes part.
  const forum = await findForumForMember(db, user.id, slug)
  invariantResponse(forum, NOT_FOUND)
  return { user, forum }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, forum } = await loadForum(request, params.slug, context.db)
  const interviews = await listMemberInterviews(context.db, user.id, forum.id)
  return {
    forum: { name: forum.name, date: forum.date, open: venueToday(new Date()) >= forum.date },
    interviews: interviews.map((i) => ({
      id: i.id, company: i.company_name, time: slotRange(forum, i.slot_no), table: i.table_no,
      name: applicantName(i),
      offer: i.offer_title, outcome: i.outcome,
    })),
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, forum } = await loadForum(request, params.slug, context.db)
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: OutcomeSchema })
  const interviewId = String(formData.get('interviewId') ?? '')
  if (submission.status !== 'success') return data({ interviewId, result: submission.reply() }, { status: 400 })
  if (venueToday(new Date()) < forum.date) {
    return data({ interviewId, result: submission.reply({ formErrors: [TOO_EARLY] }) }, { status: 400 })
  }
  const saved = await setInterviewOutcome(context.db, user.id, forum.id, submission.value.interviewId, submission.value.outcome)
  invariantResponse(saved, 'Entretien introuvable parmi ceux de votre entreprise.')
  return redirect(withFlash(`/recruteur/forums/${params.slug}/resultats#entretien-${submission.value.interviewId}`, 'resultat'))
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Résultats – ${data?.forum.name ?? 'Forum'} – Passerelle` }]

type Interview = Route.ComponentProps['loaderData']['interviews'][number]

function OutcomeForm({ interview, lastResult }: { interview: Interview; lastResult: Route.ComponentProps['actionData'] }) {
  const [form, fields] = useZodForm(OutcomeSchema, {
    lastResult: lastResult?.interviewId === String(interview.id) ? lastResult.result : undefined,
    defaultValue: { interviewId: String(interview.id), outcome: interview.outcome ?? undefined },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="outcome-form">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input {...getInputProps(fields.interviewId, { type: 'hidden' })} key={fields.interviewId.key} />
      <fieldset aria-describedby={fields.outcome.errors?.length ? fields.outcome.errorId : undefined}>
        <legend className="visually-hidden">Résultat de l’entretien avec {interview.name}</legend>
        {(Object.keys(OUTCOME_LABELS) as (keyof typeof OUTCOME_LABELS)[]).map((value) => (
          <label key={value}>
            <input {...getInputProps(fields.outcome, { type: 'radio', value })} key={`${fields.outcome.key}-${value}`} />{' '}
            {OUTCOME_LABELS[value]}
          </label>
        ))}
      </fieldset>
      {fields.outcome.errors?.length ? <p id={fields.outcome.errorId} className="field__errors">{fields.outcome.errors[0]}</p> : null}
      <button type="submit" className="button button--secondary">Enregistrer</button>
    </Form>
  )
}

export default function ForumOutcomes({ loaderData, actionData }: Route.ComponentProps) {
  const { forum, interviews } = loaderData
  return (
    <section className="company-page" aria-labelledby="titre-resultats">
      <h1 id="titre-resultats">Résultats du forum {forum.name}</h1>
      <p>
        Forum du {formatDay(forum.date)}. Indiquez pour chaque entretien s’il a mené à une embauche :
        l’organisation du forum n’en voit que les totaux.
      </p>
      {forum.open ? null : <p className="form-errors">{TOO_EARLY}</p>}
      {interviews.length ? (
        <TableScroll label="Entretiens du forum">
        <table className="data-table">
          <thead>
            <tr><th scope="col">Heure</th><th scope="col">Candidat·e</th><th scope="col">Entreprise</th><th scope="col">Offre</th>
              <th scope="col">Résultat</th></tr>
          </thead>
          <tbody>
            {interviews.map((i) => (
              <tr key={i.id} id={`entretien-${i.id}`}>
                <td>{i.time} (table {i.table})</td>
                <td>{i.name}</td>
                <td>{i.company}</td>
                <td>{i.offer ?? '—'}</td>
                <td>
                  <p className="status">{i.outcome ? OUTCOME_LABELS[i.outcome] : 'À renseigner'}</p>
                  {forum.open ? <OutcomeForm interview={i} lastResult={actionData} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      ) : <p className="empty">Aucun entretien de votre entreprise à ce forum.</p>}
    </section>
  )
}

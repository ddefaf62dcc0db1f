import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import {
  findOwnRegistration, findPublicForum, hasProfile, listForumCompanies, registerForForum, setCandidateWishes, unregisterFromForum,
} from '#db/queries/forum-candidates.ts'
import { FormErrors } from '../components/field.tsx'
import { CandidateWishesSchema, CONSENT_LABEL, RegistrationSchema } from '../utils/forum-schema.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { getOptionalUser, requireCandidate } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/forum'
import { withFlash } from '../utils/flash.ts'
import { formatDay, formatTime } from '../utils/labels.ts'

const NOT_FOUND = 'Ce forum n’existe pas ou n’est pas encore annoncé.'

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const forum = await findPublicForum(context.db, params.slug)
  invariantResponse(forum, NOT_FOUND)
  const user = await getOptionalUser(request, context.db)
  const candidate = user?.role === 'candidate'
    ? { registration: await findOwnRegistration(context.db, user.id, forum.id), hasProfile: await hasProfile(context.db, user.id) }
    : null
  return { forum, companies: await listForumCompanies(context.db, forum.id), signedIn: user !== null, candidate }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireCandidate(request, context.db)
  const forum = await findPublicForum(context.db, params.slug)
  invariantResponse(forum, NOT_FOUND)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const now = new Date()
  if (intent === 'register') {
    const submission = parseWithZod(formData, { schema: RegistrationSchema })
    if (submission.status !== 'success') return data({ intent, result: submission.reply(), error: null }, { status: 400 })
    const outcome = await registerForForum(context.db, user.id, forum.id, now)
    if (outcome === 'not-open') return data({ intent, result: null, error: 'Les inscriptions à ce forum sont closes.' }, { status: 409 })
    if (outcome === 'no-profile') return data({ intent, result: null, error: 'Complétez d’abord votre profil : c’est lui que verront les entreprises.' }, { status: 409 })
    return redirect(withFlash(`/forums/${forum.slug}`, 'inscrit'))
  }
  if (intent === 'unregister') {
    await unregisterFromForum(context.db, user.id, forum.id)
    return redirect(withFlash(`/forums/${forum.slug}`, 'desinscrit'))
  }
  if (intent === 'wishes') {
    const submission = parseWithZod(formData, { schema: CandidateWishesSchema })
    if (submission.status !== 'success') return data({ intent, result: null, error: 'Choisissez parmi les entreprises du forum.' }, { status: 400 })
    const outcome = await setCandidateWishes(context.db, user.id, forum.id, submission.value.companyIds, now)
    if (outcome === 'not-allowed') return data({ intent, result: null, error: 'Confirmez d’abord votre inscription à ce forum ouvert.' }, { status: 409 })
    if (outcome === 'unknown-company') return data({ intent, result: null, error: 'Choisissez parmi les entreprises du forum.' }, { status: 400 })
    return redirect(withFlash(`/forums/${forum.slug}`, 'souhaits'))
  }
  return data({ intent, result: null, error: 'Action inconnue.' }, { status: 400 })
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.forum.name ?? 'Forum'} – Passerelle` }]

export default function ForumPage({ loaderData, actionData }: Route.ComponentProps) {
  const { forum, companies, signedIn, candidate } = loaderData
  const registration = candidate?.registration
  const [form, fields] = useZodForm(RegistrationSchema, { lastResult: actionData?.intent === 'register' ? actionData.result : undefined })
  const wished = new Set(registration?.wishedCompanyIds ?? [])
  const open = forum.status === 'open'
  return (
    <section className="company-page" aria-labelledby="titre-forum">
      <p className="breadcrumb"><Link to="/forums">Forums de recrutement</Link></p>
      <h1 id="titre-forum">{forum.name}</h1>
      <p>Le {formatDay(forum.date)}, de {formatTime(forum.opens_at)} à {formatTime(forum.closes_at)} · {forum.venue}, {forum.commune_name}</p>
      <FormErrors id="erreurs-forum" errors={actionData?.error ? [actionData.error] : undefined} />

      <section aria-labelledby="titre-inscription">
        <h2 id="titre-inscription">Inscription</h2>
        {!open ? (
            <p>
              Les inscriptions à ce forum sont closes.
              {registration?.consent_at ? <> <Link to={`/forums/${forum.slug}/programme`}>Mon programme</Link></> : null}
            </p>
          )
          : !signedIn ? <p><Link to={`/connexion?redirectTo=/forums/${forum.slug}`}>Connectez-vous</Link> avec un compte candidat pour vous inscrire.</p>
          : !candidate ? <p>L’inscription est réservée aux candidats et candidates.</p>
          : registration?.consent_at ? (
            <>
              <p role="status">Vous êtes inscrit·e à ce forum. <Link to={`/forums/${forum.slug}/programme`}>Mon programme</Link></p>
              <Form method="post"><button className="button button--secondary" name="intent" value="unregister">Me désinscrire</button></Form>
            </>
          ) : !candidate.hasProfile ? <p><Link to="/candidat/profil">Complétez d’abord votre profil</Link> : c’est lui que verront les entreprises.</p>
          : (
            <Form method="post" {...getFormProps(form)}>
              {registration ? <p>Votre école vous a inscrit·e : confirmez votre participation.</p> : null}
              <input type="hidden" name="intent" value="register" />
              <div className="field field--checkbox">
                <input type="checkbox" id={fields.consent.id} name={fields.consent.name} aria-describedby={fields.consent.errors ? fields.consent.errorId : undefined} />
                <label htmlFor={fields.consent.id}>{CONSENT_LABEL}</label>
                {fields.consent.errors?.length ? <p id={fields.consent.errorId} className="field__errors">{fields.consent.errors[0]}</p> : null}
              </div>
              <button type="submit" className="button">M’inscrire au forum</button>
            </Form>
          )}
      </section>

      <section aria-labelledby="titre-entreprises">
        <h2 id="titre-entreprises">Entreprises présentes</h2>
        {companies.length === 0 ? <p>Les entreprises participantes seront annoncées ici.</p> : registration?.consent_at && open ? (
          <Form method="post">
            <input type="hidden" name="intent" value="wishes" />
            <p>Cochez les entreprises que vous souhaitez rencontrer.</p>
            <CompanyList companies={companies} wished={wished} checkboxes />
            <button type="submit" className="button">Enregistrer mes souhaits</button>
          </Form>
        ) : <CompanyList companies={companies} wished={wished} checkboxes={false} />}
      </section>
    </section>
  )
}

function CompanyList({ companies, wished, checkboxes }: {
  companies: Route.ComponentProps['loaderData']['companies']
  wished: Set<number>
  checkboxes: boolean
}) {
  return (
    <ul className="forum-companies">
      {companies.map((c) => (
        <li key={c.id}>
          {checkboxes ? (
            <span className="facet__option">
              <input type="checkbox" id={`souhait-${c.id}`} name="companyIds" value={c.id} defaultChecked={wished.has(c.id)} />
              <label htmlFor={`souhait-${c.id}`}>Rencontrer {c.name}</label>
            </span>
          ) : null}
          <Link to={`/entreprises/${c.slug}`}>{c.name}</Link>
          {c.offers.length ? (
            <ul>{c.offers.map((o) => <li key={o.slug}><Link to={`/offres/${o.slug}`}>{o.title}</Link></li>)}</ul>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

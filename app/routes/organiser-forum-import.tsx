import { data, Form, Link } from 'react-router'
import { findOrganiserForum } from '#db/queries/forums.ts'
import { importForumCandidates } from '#db/queries/forum-import.ts'
import { parseImport, type ImportProblem } from '../utils/forum-import.server.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { requireOrganiser } from '../utils/session.server.ts'
import { parseTextUpload } from '../utils/upload.server.ts'
import type { Route } from './+types/organiser-forum-import'
import { TableScroll } from '../components/table-scroll.tsx'
import { formatDay } from '../utils/labels.ts'

const MAX_BYTES = 1024 * 1024

async function loadOwnForum(request: Request, slug: string, db: Route.LoaderArgs['context']['db']) {
  const user = await requireOrganiser(request, db)
  const forum = await findOrganiserForum(db, user, slug)
  invariantResponse(forum, 'Forum introuvable dans votre espace.')
  return { user, forum }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { forum } = await loadOwnForum(request, params.slug, context.db)
  return { forum: { slug: forum.slug, name: forum.name, status: forum.status } }
}

type ActionResult = { problems: ImportProblem[]; imported?: undefined } | { problems?: undefined; imported: number; alreadyRegistered: number }

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, forum } = await loadOwnForum(request, params.slug, context.db)
  const fail = (problems: ImportProblem[], status: number) => data<ActionResult>({ problems }, { status })
  const upload = await parseTextUpload(request, {
    field: 'fichier',
    maxBytes: MAX_BYTES,
    tooLarge: 'Le fichier dépasse 1 Mo : découpez la liste.',
    notText: 'Ce fichier n’est pas un texte CSV en UTF-8 : enregistrez-le au format « CSV UTF-8 ».',
  })
  if (!upload.ok) return fail([{ line: 0, column: null, message: upload.message }], upload.status)
  if (upload.text === null) return fail([{ line: 0, column: null, message: 'Choisissez le fichier CSV à importer.' }], 400)
  const parsed = parseImport(upload.text)
  if (!parsed.ok) return fail(parsed.problems, 400)
  const now = new Date()
  const outcome = await importForumCandidates(context.db, user, forum.id, parsed.rows, now)
  if ('notFound' in outcome) throw new Response('Forum introuvable dans votre espace.', { status: 404 })
  if (!outcome.ok) return fail(outcome.problems, 400)

  // After the commit: a mail that fails leaves the import done; the organiser can import the list again later.
  const confirmUrl = `${context.publicUrl}/forums/${forum.slug}/confirmer`
  for (const c of outcome.imported) {
    const link = c.passwordToken
      ? `${context.publicUrl}/reinitialiser-mot-de-passe?${new URLSearchParams({ jeton: c.passwordToken, suite: `/forums/${forum.slug}/confirmer` })}`
      : confirmUrl
    const text = c.passwordToken
      ? `Bonjour ${c.firstName},\n\nVotre école vous a inscrit·e au forum « ${forum.name} » (${formatDay(forum.date)}) sur Passerelle, ` +
        `qui a créé un compte à votre adresse.\n\nPour confirmer votre participation, choisissez d’abord un mot de passe ` +
        `(lien valable deux semaines) :\n${link}\n\nVous pourrez ensuite accepter que votre profil soit transmis aux entreprises du forum. ` +
        `Sans confirmation, aucune entreprise ne voit votre profil.\n\nL’équipe Passerelle`
      : `Bonjour ${c.firstName},\n\nVotre école vous a inscrit·e au forum « ${forum.name} » (${formatDay(forum.date)}) sur Passerelle.\n\n` +
        `Pour confirmer votre participation, connectez-vous puis ouvrez ce lien :\n${link}\n\n` +
        `Sans confirmation, aucune entreprise ne voit votre profil.\n\nL’équipe Passerelle`
    await context.mailer
      .send({ to: c.email, subject: `Confirmez votre inscription au forum « ${forum.name} »`, text })
      .catch((error: unknown) => console.error('Envoi du courriel de confirmation de forum impossible', error))
  }
  return data<ActionResult>({ imported: outcome.imported.length, alreadyRegistered: outcome.alreadyRegistered })
}

export const meta: Route.MetaFunction = () => [{ title: 'Importer des candidat·es – Passerelle' }]

export default function ImportCandidates({ loaderData, actionData }: Route.ComponentProps) {
  const { forum } = loaderData
  return (
    <section className="auth-page" aria-labelledby="titre-import">
      <p className="breadcrumb"><Link to={`/organisation/forums/${forum.slug}`}>{forum.name}</Link></p>
      <h1 id="titre-import">Importer des candidat·es</h1>
      <p>
        Un fichier CSV (1 Mo au plus), cellules séparées par des points-virgules ou des virgules, avec une ligne d’en-tête :{' '}
        <code>prenom;nom;email;formation;ecole</code>. Chaque ligne est vérifiée : au moindre problème, rien n’est importé.
        Chaque personne importée reçoit un e-mail pour confirmer sa participation ; tant qu’elle n’a pas confirmé, aucune entreprise ne voit son profil.
      </p>
      {actionData?.problems ? (
        <div className="form-errors" role="alert">
          <p><strong>Rien n’a été importé.</strong> Corrigez ces {actionData.problems.length > 1 ? `${actionData.problems.length} problèmes` : 'problème'} puis envoyez à nouveau le fichier :</p>
          <TableScroll label="Lignes du fichier">
          <table>
            <thead><tr><th scope="col">Ligne</th><th scope="col">Colonne</th><th scope="col">Problème</th></tr></thead>
            <tbody>
              {actionData.problems.slice(0, 200).map((p, i) => (
                <tr key={i}><td>{p.line || '—'}</td><td>{p.column ?? '—'}</td><td>{p.message}</td></tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        </div>
      ) : null}
      {actionData?.imported !== undefined ? (
        <p role="status" className="form-success">
          {actionData.imported} candidat·e(s) importé·e(s) et prévenu·e(s) par e-mail
          {actionData.alreadyRegistered ? ` ; ${actionData.alreadyRegistered} déjà inscrit·e(s), inchangé·e(s)` : ''}.
        </p>
      ) : null}
      {forum.status !== 'open' ? <p>Les inscriptions de ce forum ne sont pas ouvertes : ouvrez-les avant d’importer.</p> : (
        <Form method="post" encType="multipart/form-data">
          <div className="field">
            <label htmlFor="fichier">Fichier CSV</label>
            <input id="fichier" name="fichier" type="file" accept=".csv,text/csv,text/plain" required />
          </div>
          <button type="submit" className="button">Importer</button>
        </Form>
      )}
    </section>
  )
}

import { data, Form, Link, redirect } from 'react-router'
import { CONTRACT_LABELS, formatDateTime } from '../utils/labels.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import { withFlash } from '../utils/flash.ts'
import type { Route } from './+types/recruiter-offer-import'
import { findImportCompany, importCareerPage, ImportFormSchema, listCompanyFeeds, readCareerPage } from './recruiter-offer-import.server.ts'

async function loadCompany(request: Request, slug: string, db: Route.LoaderArgs['context']['db']) {
  const user = await requireRecruiter(request, db)
  const company = await findImportCompany(db, user, slug)
  invariantResponse(company, 'Entreprise introuvable dans votre espace.')
  return company
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const company = await loadCompany(request, params.slug, context.db)
  return { company, feeds: await listCompanyFeeds(context.db, company.id) }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const company = await loadCompany(request, params.slug, context.db)
  // Imported offers go online at once: only companies the admins verified may import.
  invariantResponse(company.verified_at, 'L’import d’offres est réservé aux entreprises vérifiées.', { status: 403 })
  const parsed = ImportFormSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: parsed.error.issues[0]!.message, preview: null, form: null }, { status: 400 })
  const now = new Date()
  const read = await readCareerPage(context.db, company, parsed.data, now)
  if ('error' in read) return data({ error: read.error, preview: null, form: parsed.data }, { status: 400 })
  const { preview } = read
  if (preview.offers.length === 0) {
    return data({ error: 'Aucune offre importable dans cette page.', preview, form: parsed.data }, { status: 400 })
  }
  if (parsed.data.intent === 'apercu') return { error: null, preview, form: parsed.data }
  await importCareerPage(context.db, company, parsed.data, preview, now)
  return redirect(withFlash(`/recruteur/entreprises/${company.slug}/offres`, 'offres-importees'))
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Importer des offres – ${data?.company.name ?? ''} – Passerelle` }]

export default function ImportOffers({ loaderData, actionData }: Route.ComponentProps) {
  const { company, feeds } = loaderData
  const preview = actionData?.preview
  const form = actionData?.form
  return (
    <section className="auth-page" aria-labelledby="titre-import">
      <p className="breadcrumb"><Link to={`/recruteur/entreprises/${company.slug}/offres`}>Offres de {company.name}</Link></p>
      <h1 id="titre-import">Importer les offres de votre page carrières</h1>
      <p>
        Passerelle lit les offres décrites en <code>JobPosting</code> (données structurées JSON-LD, celles que lit Google for Jobs)
        dans votre page carrières. Elles sont importées pour {company.name}, suivent votre page (relue chaque jour quand vous donnez son adresse)
        et ne se modifient pas ici.
      </p>
      {!company.verified_at ? (
        <p role="note">L’import est réservé aux entreprises vérifiées par l’équipe de Passerelle.</p>
      ) : (
        <Form method="post" className="stack">
          {actionData?.error ? <p className="form-errors" role="alert" id="erreur-import">{actionData.error}</p> : null}
          <p>
            <label htmlFor="url">Adresse de la page carrières</label>
            <input id="url" name="url" type="url" inputMode="url" defaultValue={form?.url ?? ''} placeholder="https://www.exemple.fr/carrieres"
              aria-describedby={actionData?.error ? 'erreur-import' : undefined} />
          </p>
          <p>
            <label htmlFor="html">… ou son code HTML, collé</label>
            <textarea id="html" name="html" rows={6} defaultValue={form?.html ?? ''} />
          </p>
          <p className="offer-actions">
            <button className="button button--secondary" name="intent" value="apercu">Voir l’aperçu</button>
            {preview && preview.offers.length > 0 ? (
              <button className="button" name="intent" value="importer">Importer {preview.offers.length} offre(s)</button>
            ) : null}
          </p>
        </Form>
      )}
      {preview ? (
        <section aria-labelledby="titre-apercu-import">
          <h2 id="titre-apercu-import">Aperçu : {preview.offers.length} offre(s) importable(s)</h2>
          {preview.problems.length ? <ul className="form-errors">{preview.problems.map((p) => <li key={p}>{p}</li>)}</ul> : null}
          <ul>
            {preview.offers.map((o) => (
              <li key={o.sourceId}>{o.title} — {CONTRACT_LABELS[o.contractType]}, jusqu’au {formatDateTime(o.expiresAt)}</li>
            ))}
          </ul>
          {preview.rejected.length ? (
            <>
              <h3>Offres refusées</h3>
              <ul>{preview.rejected.map((r) => <li key={`${r.sourceId}${r.reason}`}>{r.sourceId} : {r.reason}</li>)}</ul>
            </>
          ) : null}
        </section>
      ) : null}
      {feeds.length ? (
        <section aria-labelledby="titre-pages">
          <h2 id="titre-pages">Pages relues chaque jour</h2>
          <ul>
            {feeds.map((f) => (
              <li key={f.id}>
                <span className="break-anywhere">{f.url}</span>
                {f.last_run_at ? ` — ${formatDateTime(f.last_run_at)} : ${f.last_report ?? ''}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  )
}

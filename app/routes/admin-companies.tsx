import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { slugify } from '#db/identifiers.ts'
import { findImportableCompanies, listUnverifiedCompanies, verifyCompany } from '#db/queries/moderation.ts'
import { formatDate } from '../utils/labels.ts'
import { requireAdmin } from '../utils/session.server.ts'
import type { Route } from './+types/admin-companies'
import { TableScroll } from '../components/table-scroll.tsx'
import { withFlash } from '../utils/flash.ts'

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(request, context.db)
  // The import of a company's offers (JSON-LD, decision 012), found by its name: only verified companies import.
  const parsed = ImportSearchSchema.safeParse(new URL(request.url).searchParams.get('entreprise') ?? '')
  const name = parsed.success ? parsed.data : ''
  const prefix = slugify(name)
  return {
    companies: await listUnverifiedCompanies(context.db),
    importSearch: name,
    importable: prefix ? await findImportableCompanies(context.db, prefix) : null,
  }
}

const ImportSearchSchema = z.string().trim().max(100)

const VerifySchema = z.object({ intent: z.literal('verify'), companyId: z.coerce.number().int().positive() })

export async function action({ request, context }: Route.ActionArgs) {
  await requireAdmin(request, context.db)
  const parsed = VerifySchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'Demande incomplète : choisissez une entreprise à vérifier.' }, { status: 400 })
  const verified = await verifyCompany(context.db, parsed.data.companyId, new Date())
  if (!verified) return data({ error: 'Cette entreprise est introuvable ou déjà vérifiée.' }, { status: 404 })
  return redirect(withFlash('/admin/entreprises', 'entreprise-verifiee'))
}

export const meta: Route.MetaFunction = () => [{ title: 'Entreprises à vérifier – Passerelle' }]

export default function AdminCompanies({ loaderData, actionData }: Route.ComponentProps) {
  const { companies, importSearch, importable } = loaderData
  return (
    <section className="company-page" aria-labelledby="titre-verif">
      <p className="breadcrumb"><Link to="/admin">Modération</Link></p>
      <h1 id="titre-verif">Entreprises à vérifier</h1>
      <p>
        Vérifiez l’identité de l’entreprise (SIREN, site web) avant de la marquer vérifiée : ses offres seront alors
        publiées sans attendre la modération.
      </p>
      {actionData?.error ? <p role="alert" className="form-errors">{actionData.error}</p> : null}
      {companies.length === 0 ? (
        <p>Aucune entreprise n’attend de vérification.</p>
      ) : (
        <TableScroll label="Entreprises">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Entreprise</th>
              <th scope="col">SIREN / SIRET</th>
              <th scope="col">Commune</th>
              <th scope="col">Créée le</th>
              <th scope="col">Offres en attente</th>
              <th scope="col"><span className="visually-hidden">Action</span></th>
            </tr>
          </thead>
          <tbody>
            {companies.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/entreprises/${c.slug}`}>{c.name}</Link>
                  {c.website ? <> · <a href={c.website} rel="noreferrer noopener" target="_blank">site web</a></> : null}
                </td>
                <td>{c.siren ?? '—'}</td>
                <td>{c.commune_name}</td>
                <td>{formatDate(c.created_at)}</td>
                <td>{c.pending_offers}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="companyId" value={c.id} />
                    <button className="button" name="intent" value="verify" aria-label={`Vérifier ${c.name}`}>
                      Vérifier
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      <h2 id="titre-import">Importer les offres d’une entreprise</h2>
      <p>
        Les offres publiées sur la page carrières d’une entreprise vérifiée (données structurées JobPosting) s’importent
        depuis sa page d’import, que vous ouvrez pour n’importe quelle entreprise.
      </p>
      <Form method="get" aria-labelledby="titre-import">
        <label htmlFor="entreprise-import">Nom de l’entreprise</label>
        <input id="entreprise-import" name="entreprise" type="search" defaultValue={importSearch} maxLength={100} />
        <button className="button" type="submit">Chercher</button>
      </Form>
      {importable === null ? null : importable.length === 0 ? (
        <p role="status">Aucune entreprise vérifiée ne commence par « {importSearch} ».</p>
      ) : (
        <ul aria-label="Entreprises vérifiées">
          {importable.map((c) => (
            <li key={c.id}>
              {c.name} : <Link to={`/recruteur/entreprises/${c.slug}/import`}>importer ses offres<span className="visually-hidden"> ({c.name})</span></Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

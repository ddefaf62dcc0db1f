import { Link } from 'react-router'
import { listPendingOffers, moderationCounts } from '#db/queries/moderation.ts'
import { Pagination } from '../components/pagination.tsx'
import { invariantResponse } from '../utils/invariant.ts'
import { formatDate } from '../utils/labels.ts'
import { listHref, pageParam, pageWindow } from '../utils/pagination.ts'
import { requireAdmin } from '../utils/session.server.ts'
import type { Route } from './+types/admin-offers'

export const PENDING_PER_PAGE = 50

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(request, context.db)
  const url = new URL(request.url)
  const page = pageParam.safeParse(url.searchParams.get('page') ?? undefined)
  invariantResponse(page.success, page.error?.issues[0]?.message ?? '', { status: 400 })
  // The queue a page at a time, oldest first: thousands may wait after an import.
  const window = pageWindow((await moderationCounts(context.db)).offers, page.data, PENDING_PER_PAGE)
  return {
    path: `${url.pathname}${url.search}`,
    list: { page: window.page, pageCount: window.pageCount, total: window.total, first: window.first },
    offers: await listPendingOffers(context.db, { limit: window.limit, offset: window.offset }),
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'Offres en attente – Passerelle' }]

export default function AdminOffers({ loaderData }: Route.ComponentProps) {
  const { offers, path, list } = loaderData
  return (
    <section className="company-page" aria-labelledby="titre-attente">
      <p className="breadcrumb"><Link to="/admin">Modération</Link></p>
      <h1 id="titre-attente">Offres en attente de validation</h1>
      {offers.length === 0 ? (
        <p>Aucune offre n’attend de validation.</p>
      ) : (
        <>
        <p>Offres {list.first} à {list.first + offers.length - 1} sur {list.total}, de la plus ancienne à la plus récente.</p>
        <ul className="company-list">
          {offers.map((o) => (
            <li key={o.id}>
              <Link to={`/admin/offres/${o.id}`}>{o.title}</Link>
              <span>
                {o.company_name} {o.verified_at ? '' : '(entreprise non vérifiée)'} · soumise le {formatDate(o.updated_at)}
              </span>
            </li>
          ))}
        </ul>
        <Pagination label="Pages de la file d’attente" page={list.page} pageCount={list.pageCount} href={(p) => listHref(path, { page: p })} />
        </>
      )}
    </section>
  )
}

import { Link, useRouteLoaderData } from 'react-router'
import { findVisibleOfferBySlug } from '#db/queries/offers.ts'
import { offerMarks } from '#db/queries/saved-offers.ts'
import { AppliedMark } from '../components/applied-mark.tsx'
import { SaveOfferButton } from '../components/save-offer-button.tsx'
import { ShareOffer } from '../components/share-offer.tsx'
import { getOptionalUser } from '../utils/session.server.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { degreeOfEducation, jobPosting, serializeJsonLd } from '../utils/job-posting.ts'
import { CONTRACT_LABELS, EXPERIENCE_LABELS, REMOTE_LABELS, SOURCE_LABELS, formatDate, formatSalary } from '../utils/labels.ts'
import { renderMarkdown } from '../utils/markdown.server.ts'
import { useNonce } from '../utils/nonce.tsx'
import type { Route } from './+types/offer'
import type { loader as rootLoader } from '../root.tsx'

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const offer = await findVisibleOfferBySlug(context.db, params.slug, new Date())
  invariantResponse(offer, 'Cette offre n’existe pas ou n’est plus en ligne.')
  // The board's public address, never the request's Host: the page may be kept for other visitors (page cache).
  const origin = context.publicUrl.replace(/\/+$/, '')
  const descriptionHtml = renderMarkdown(offer.description_md)
  const exact = (cents: number | null, euros: number | null) => (cents != null ? cents / 100 : euros)
  const salary = offer.salary_period
    ? { min: exact(offer.salary_min_cents, offer.salary_min), max: exact(offer.salary_max_cents, offer.salary_max), period: offer.salary_period }
    : null
  const postalCodes = JSON.parse(offer.postal_codes) as string[]
  const structuredData = jobPosting({
    id: offer.id,
    sourceId: offer.source !== 'manual' && offer.source_id ? { name: SOURCE_LABELS[offer.source], value: offer.source_id } : null,
    education: offer.education_json ? degreeOfEducation(JSON.parse(offer.education_json) as { label: string }[]) : null,
    title: offer.title,
    descriptionHtml,
    publishedAt: offer.published_at!,
    expiresAt: offer.expires_at,
    contractType: offer.contract_type,
    remotePolicy: offer.remote_policy,
    experienceLevel: offer.experience_level,
    salary,
    // An imported offer without a named company (decision 012) has no company page here: its employer is what the source says.
    company: offer.placeholder_source
      ? { name: offer.company_name, url: offer.source_url ?? origin, website: null, logoUrl: null }
      : {
          name: offer.company_name, url: `${origin}/entreprises/${offer.company_slug}`, website: offer.company_website,
          logoUrl: offer.company_logo_mime ? `${origin}/entreprises/${offer.company_slug}/logo` : null,
        },
    // Candidates apply here (/offres/:slug/postuler), except for imported offers of no member company: at the source.
    directApply: !offer.placeholder_source,
    commune: { name: offer.commune_name, postalCode: postalCodes[0] ?? null, latitude: offer.latitude, longitude: offer.longitude },
    skills: offer.skills.filter((s) => s.required).map((s) => s.name),
    url: `${origin}/offres/${offer.slug}`,
    occupation: offer.occupation_code && offer.occupation_label ? { code: offer.occupation_code, label: offer.occupation_label } : null,
  })
  // The candidate's own marks, only with a session: the page anonymous visitors share (page cache) has none.
  const user = request.headers.has('Cookie') ? await getOptionalUser(request, context.db) : null
  const mark = user?.role === 'candidate'
    ? ((await offerMarks(context.db, user.id, [offer.id])).get(offer.id) ?? { saved: false, appliedAt: null, withdrawnAt: null })
    : null
  return { offer, descriptionHtml, salary, structuredData: structuredData ? serializeJsonLd(structuredData) : null, mark, url: `${origin}/offres/${offer.slug}` }
}

export function meta({ data }: Route.MetaArgs) {
  if (!data) return [{ title: 'Offre introuvable – Passerelle' }]
  return [
    { title: `${data.offer.title} – ${data.offer.company_name} – Passerelle` },
    { name: 'description', content: `${CONTRACT_LABELS[data.offer.contract_type]} à ${data.offer.commune_name} chez ${data.offer.company_name}.` },
  ]
}

export default function OfferPage({ loaderData }: Route.ComponentProps) {
  const { offer, descriptionHtml, salary, structuredData, mark } = loaderData
  const nonce = useNonce()
  // Visitors see how to apply (after logging in); recruiters and admins have nothing to apply with.
  const user = useRouteLoaderData<typeof rootLoader>('root')?.user
  const canApply = !user || user.role === 'candidate'
  const required = offer.skills.filter((s) => s.required)
  const niceToHave = offer.skills.filter((s) => !s.required)
  const salaryText = formatSalary(salary)
  return (
    <article className="offer-page">
      {structuredData ? <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: structuredData }} /> : null}
      <p className="breadcrumb">
        <Link to="/offres">Offres</Link> › {offer.title}
      </p>
      <h1>{offer.title}</h1>
      <p className="offer-page__company">
        {offer.placeholder_source ? offer.company_name : <Link to={`/entreprises/${offer.company_slug}`}>{offer.company_name}</Link>}
        {offer.employer_sector || offer.employer_size ? ` (${[offer.employer_sector, offer.employer_size].filter(Boolean).join(', ')})` : ''}
        {' · '}{offer.commune_name}
        {offer.territory_name ? ` (${offer.territory_name})` : ''}
      </p>
      {offer.source !== 'manual' ? (
        <p className="offer-page__source">
          Offre importée de {SOURCE_LABELS[offer.source]}
          {offer.source_url ? <> : <a href={offer.source_url} rel="nofollow noopener">voir l’offre d’origine</a></> : null}
        </p>
      ) : null}
      {/* The placeholder company has nobody to read applications: one applies at the source. */}
      {mark?.appliedAt ? (
        <div className="offer-card__marks">
          <AppliedMark mark={mark} />
          <Link to="/candidat/candidatures">Mes candidatures</Link>
        </div>
      ) : canApply && offer.placeholder_source && offer.source_url ? (
        <p>
          <a href={offer.source_url} className="button" rel="nofollow noopener">Postuler sur {SOURCE_LABELS[offer.source]}</a>
        </p>
      ) : canApply && !offer.placeholder_source ? (
        <p>
          <Link to={`/offres/${offer.slug}/postuler`} className="button">Postuler</Link>
        </p>
      ) : null}
      {mark ? <SaveOfferButton slug={offer.slug} title={offer.title} saved={mark.saved} /> : null}
      <dl className="facts">
        {offer.occupation_label ? (
          <div><dt>Métier</dt><dd><Link to={`/offres?metier=${offer.occupation_code}`}>{offer.occupation_label}</Link></dd></div>
        ) : null}
        <div><dt>Contrat</dt><dd>{CONTRACT_LABELS[offer.contract_type]}</dd></div>
        <div><dt>Télétravail</dt><dd>{offer.remote_stated ? REMOTE_LABELS[offer.remote_policy] : 'Non précisé'}</dd></div>
        <div><dt>Expérience</dt><dd>{EXPERIENCE_LABELS[offer.experience_level]}</dd></div>
        <div><dt>Salaire</dt><dd>{[salaryText, offer.salary_text].filter(Boolean).join(' · ') || 'Non communiqué'}</dd></div>
        {offer.working_time ? <div><dt>Temps de travail</dt><dd>{offer.working_time}</dd></div> : null}
        {offer.positions && offer.positions > 1 ? <div><dt>Postes</dt><dd>{offer.positions}</dd></div> : null}
        {offer.qualification ? <div><dt>Qualification</dt><dd>{offer.qualification}</dd></div> : null}
        <div><dt>Début</dt><dd>{offer.start_date ? formatDate(offer.start_date) : 'Dès que possible'}</dd></div>
        <div><dt>Publiée le</dt><dd>{formatDate(offer.published_at!)}</dd></div>
        {offer.expires_at ? <div><dt>Jusqu’au</dt><dd>{formatDate(offer.expires_at)}</dd></div> : null}
      </dl>
      {offer.skills.length > 0 ? (
        <section aria-labelledby="competences">
          <h2 id="competences">Compétences</h2>
          {required.length > 0 ? (
            <>
              <h3>Demandées</h3>
              <ul className="tags">{required.map((s) => <li key={s.slug} className="tag tag--skill">{s.name}</li>)}</ul>
            </>
          ) : null}
          {niceToHave.length > 0 ? (
            <>
              <h3>Appréciées</h3>
              <ul className="tags">{niceToHave.map((s) => <li key={s.slug} className="tag">{s.name}</li>)}</ul>
            </>
          ) : null}
        </section>
      ) : null}
      <section className="offer-page__description" dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
      <ShareOffer url={loaderData.url} title={offer.title} company={offer.company_name} />
      <p className="offer-page__report">
        <Link to={`/offres/${offer.slug}/signaler`} rel="nofollow">Signaler cette offre</Link>
      </p>
    </article>
  )
}

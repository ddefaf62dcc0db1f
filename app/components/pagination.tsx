import { Link } from 'react-router'

/** The pages to offer around the current one: first, last, and two either side, with gaps. */
export function pageNumbers(page: number, pageCount: number): (number | 'gap')[] {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((p) => p >= 1 && p <= pageCount)
    .sort((a, b) => a - b)
  return shown.flatMap((p, i) => (i > 0 && p - shown[i - 1]! > 1 ? ['gap' as const, p] : [p]))
}

/** "← Page précédente · 1 … 4 5 6 … 18 · Page suivante →" as plain links: works without JavaScript. */
export function Pagination({ label, page, pageCount, href }: { label: string; page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null
  return (
    <nav aria-label={label} className="pagination">
      {page > 1 ? <Link to={href(page - 1)} rel="prev">← Page précédente</Link> : <span />}
      <span className="visually-hidden">
        Page {page} sur {pageCount}
      </span>
      <ol className="pagination__pages">
        {pageNumbers(page, pageCount).map((p, i) =>
          p === 'gap' ? <li key={`gap-${i}`} aria-hidden="true">…</li> : (
            <li key={p}>
              {p === page ? <span aria-current="page"><span className="visually-hidden">Page </span>{p}</span> : <Link to={href(p)}><span className="visually-hidden">Page </span>{p}</Link>}
            </li>
          ))}
      </ol>
      {page < pageCount ? <Link to={href(page + 1)} rel="next">Page suivante →</Link> : <span />}
    </nav>
  )
}

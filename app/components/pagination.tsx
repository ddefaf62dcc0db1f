import { Link } from 'react-router'

/** "← Page précédente · Page n sur m · Page suivante →" as plain links: works without JavaScript. */
export function Pagination({ label, page, pageCount, href }: { label: string; page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null
  return (
    <nav aria-label={label} className="pagination">
      {page > 1 ? <Link to={href(page - 1)} rel="prev">← Page précédente</Link> : <span />}
      <span>
        Page {page} sur {pageCount}
      </span>
      {page < pageCount ? <Link to={href(page + 1)} rel="next">Page suivante →</Link> : <span />}
    </nav>
  )
}

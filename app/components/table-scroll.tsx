/**
 * A wide table on a narrow screen scrolls inside its own region (focusable, so a keyboard can scroll it),
 * with a visible hint, instead of widening the page.
 */
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="table-scroll">
      <p className="table-scroll__hint" aria-hidden="true">Faites glisser le tableau pour tout voir →</p>
      <div className="table-scroll__region" role="region" aria-label={label} tabIndex={0}>
        {children}
      </div>
    </div>
  )
}

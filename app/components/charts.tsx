/**
 * Charts without a library: a horizontal bar per value (HTML text, SVG bars). Each chart is
 * an image with a title and a description for screen readers, and the same
 * values in a visually hidden table, so nothing is only in the picture.
 * Dark bars with their value printed beside them read in black and white.
 */
export type ChartDatum = { label: string; value: number }

/** A bar is drawn in a 0–100 wide SVG stretched to its cell: no inline style (the CSP forbids them). */
const FULL = 100

export function BarChart({
  id,
  title,
  description,
  data,
  max,
  unit = '',
}: {
  id: string
  title: string
  description: string
  data: ChartDatum[]
  /** The value of a full bar; the largest value when not given. */
  max?: number
  /** Appended to each printed value, e.g. " %". */
  unit?: string
}) {
  const top = Math.max(max ?? 0, ...data.map((d) => d.value), 1)
  // Labels and values are HTML text: they wrap and keep their size on a phone, where a scaled SVG's text shrank to 5 px.
  return (
    <figure className="chart">
      <div role="img" aria-labelledby={`${id}-titre ${id}-desc`} className="chart__bars">
        <span id={`${id}-titre`} className="visually-hidden">{title}</span>
        <span id={`${id}-desc`} className="visually-hidden">{description}</span>
        {data.map((d) => {
          const width = Math.round((Math.max(0, d.value) / top) * FULL * 10) / 10
          return (
            <div key={d.label} className="chart__row">
              <span className="chart__label">{d.label}</span>
              <svg className="chart__svg" viewBox={`0 0 ${FULL} 10`} preserveAspectRatio="none" width="100%" height="18" aria-hidden="true">
                <rect x="0" y="0" width={FULL} height="10" className="chart__track" />
                <rect x="0" y="0" width={width} height="10" className="chart__bar" />
              </svg>
              <span className="chart__value">{formatValue(d.value)}{unit}</span>
            </div>
          )
        })}
      </div>
      <div className="visually-hidden">
      <table>
        <caption>{title}</caption>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}><th scope="row">{d.label}</th><td>{formatValue(d.value)}{unit}</td></tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  )
}

const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })
function formatValue(value: number): string {
  return numberFormat.format(value)
}

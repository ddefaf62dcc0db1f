/**
 * Charts as plain SVG, no library: a horizontal bar per value. Each chart is
 * an image with a title and a description for screen readers, and the same
 * values in a visually hidden table, so nothing is only in the picture.
 * Dark bars with their value printed beside them read in black and white.
 */
export type ChartDatum = { label: string; value: number }

const ROW = 30
const LABEL_WIDTH = 190
const BAR_WIDTH = 260
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 70

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
  const height = data.length * ROW + 10
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-titre ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: WIDTH }}
      >
        <title id={`${id}-titre`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {data.map((d, i) => {
          const y = 5 + i * ROW
          const width = Math.round((Math.max(0, d.value) / top) * BAR_WIDTH)
          return (
            <g key={d.label}>
              <text x={LABEL_WIDTH - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" className="chart__label">{d.label}</text>
              <rect x={LABEL_WIDTH} y={y + 4} width={BAR_WIDTH} height={ROW - 8} className="chart__track" />
              <rect x={LABEL_WIDTH} y={y + 4} width={width} height={ROW - 8} className="chart__bar" />
              <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + ROW / 2} dominantBaseline="middle" className="chart__value">
                {formatValue(d.value)}{unit}
              </text>
            </g>
          )
        })}
      </svg>
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

import { renderToString } from 'react-dom/server'
import { expect, it } from 'vitest'
import { BarChart } from './charts.tsx'

it('renders an image with its title, description and every value, also as text', () => {
  const html = renderToString(
    <BarChart id="couverture" title="Couverture des candidats" description="Candidats confirmés ayant au moins N entretiens."
      data={[{ label: 'Au moins 1 entretien', value: 12 }, { label: 'Au moins 2 entretiens', value: 7 }, { label: 'Au moins 3', value: 0 }]} />,
  )
  expect(html).toContain('role="img"')
  expect(html).toContain('aria-labelledby="couverture-titre couverture-desc"')
  expect(html).toMatch(/<span id="couverture-titre" class="visually-hidden">Couverture des candidats<\/span>/)
  expect(html).toMatch(/<span id="couverture-desc" class="visually-hidden">Candidats confirmés ayant au moins N entretiens\.<\/span>/)
  // The values, in the picture and in the hidden table.
  expect(html.match(/>12</g)).toHaveLength(2)
  expect(html).toContain('<th scope="row">Au moins 2 entretiens</th><td>7</td>')
  // The largest value fills the bar; 0 draws none.
  expect(html).toContain('width="100" height="10" class="chart__bar"')
  expect(html).toContain('width="0" height="10" class="chart__bar"')
})

it('prints a percentage with its unit, French style', () => {
  const html = renderToString(<BarChart id="t" title="Remplissage" description="Part des places occupées." max={100} unit=" %"
    data={[{ label: 'Places occupées', value: 62.5 }]} />)
  expect(html).toContain('62,5<!-- --> %')
  expect(html).toContain('width="62.5" height="10" class="chart__bar"')
})

import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { franceTravailFixture } from '#db/import/fixtures/france-travail-generator.ts'
import { importFranceTravail } from '#db/import/france-travail/index.ts'
import { indexOffer } from '#search/embedded/offer-index.ts'
import { expect, retryingWrite, SEEDED_PASSWORD, test, uniqueWord } from './fixtures.ts'

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
/** What the layout spec checks on empty pages, on the states only these journeys reach. */
async function expectAccessibleAt320(page: Page) {
  expect((await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze()).violations.map((v) => v.id)).toEqual([])
  await page.setViewportSize({ width: 320, height: 800 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
  await page.setViewportSize({ width: 1280, height: 800 })
}

// Imported offers (decision 012) as people see them: a recruiter imports the JSON-LD of a career
// page (pasted), sees it online and read-only; a visitor reads a France Travail offer and applies there.
test('a verified company imports its career page’s offers; they are online, marked, and read-only', async ({ page, seed, db }) => {
  const word = uniqueWord('Gravelines')
  const company = await seed.company({ name: `Phare ${word}` })
  await retryingWrite(() => db.updateTable('companies').set({ verified_at: new Date().toISOString() }).where('id', '=', company.id).execute())
  const recruiter = await seed.recruiter(company.id, { name: 'Inès Vasseur', email: `${word.toLowerCase()}@exemple.fr` })
  const html = `<html><head><script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [{
      '@type': 'JobPosting', title: `Développeuse ${word}`, description: '<p>Cartographie du littoral &amp; données ouvertes.</p>',
      datePosted: new Date().toISOString().slice(0, 10), employmentType: 'CDI', identifier: { value: word },
      jobLocation: { '@type': 'Place', address: { postalCode: '62100', addressLocality: 'Calais' } },
      baseSalary: { currency: 'EUR', value: { minValue: 2650.5, unitText: 'MONTH' } },
    }, { '@type': 'JobPosting', description: 'sans titre', datePosted: '2026-11-30' }],
  })}</script></head><body></body></html>`
  try {
    await page.goto('/connexion')
    await page.getByLabel('Adresse e-mail').fill(recruiter.email)
    await page.getByLabel('Mot de passe').fill(SEEDED_PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toContainText('Inès Vasseur')
    await page.goto(`/recruteur/entreprises/${company.slug}/offres`)
    await page.getByRole('link', { name: 'Importer depuis votre page carrières' }).click()
    await page.getByLabel('… ou son code HTML, collé').fill(html)
    await page.getByRole('button', { name: 'Voir l’aperçu' }).click()
    await expect(page.getByRole('heading', { name: 'Aperçu : 1 offre(s) importable(s)' })).toBeVisible()
    await expect(page.getByText('offre n° 2 : title : manquant')).toBeVisible()
    await expectAccessibleAt320(page)
    await page.getByRole('button', { name: 'Importer 1 offre(s)' }).click()
    await expect(page.getByText('Offres importées de votre page carrières : elles sont en ligne.')).toBeVisible()
    await expect(page.getByRole('row').filter({ hasText: `Développeuse ${word}` })).toContainText('(importée)')

    await page.getByRole('link', { name: `Développeuse ${word}`, exact: true }).click()
    await expect(page.getByRole('note')).toContainText('Offre importée (page carrières de l’entreprise)')
    await expect(page.getByRole('button', { name: 'Enregistrer les modifications' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Clôturer' })).toHaveCount(0)

    await page.goto(`/offres?q=${word}`)
    await page.getByRole('link', { name: `Développeuse ${word}` }).click()
    await expect(page.getByText('Offre importée de page carrières de l’entreprise')).toBeVisible()
    await expect(page.getByText('2 650,50 € brut / mois')).toBeVisible()
  } finally {
    await retryingWrite(() => db.transaction().execute(async (trx) => {
      const ids = await trx.selectFrom('offers').select('id').where('company_id', '=', company.id).execute()
      for (const { id } of ids) {
        await trx.deleteFrom('offers').where('id', '=', id).execute()
        await indexOffer(trx, id)
      }
    }))
  }
})

test('a France Travail offer names its employer or « Entreprise non communiquée », and is applied to at the source', async ({ page, db }) => {
  const now = new Date()
  // The 18th fixture offer has the 178-character title.
  const records = franceTravailFixture(20, 1, now)
  const ids = records.map((r) => String(r.id))
  await retryingWrite(() => importFranceTravail(db, records, { now, complete: false }))
  try {
    const rows = await db.selectFrom('offers').select(['slug', 'employer_name', 'source_url']).where('source', '=', 'france-travail').where('source_id', 'in', ids).execute()
    const anonymous = rows.find((r) => r.employer_name === null)!
    await page.goto(`/offres/${anonymous.slug}`)
    await expect(page.locator('.offer-page__company')).toContainText('Entreprise non communiquée')
    await expect(page.getByText('Offre importée de France Travail')).toBeVisible()
    await expect(page.getByRole('link', { name: 'voir l’offre d’origine' })).toHaveAttribute('href', anonymous.source_url!)
    await expect(page.getByRole('link', { name: 'Postuler sur France Travail' })).toHaveAttribute('href', anonymous.source_url!)
    await expect(page.getByRole('definition').filter({ hasText: 'Non précisé' })).toBeVisible()
    await expectAccessibleAt320(page)
    const long = await db.selectFrom('offers').select('slug').where('source', '=', 'france-travail').where('source_id', '=', String(records[17]!.id)).executeTakeFirstOrThrow()
    await page.goto(`/offres/${long.slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(String(records[17]!.intitule))
    await expectAccessibleAt320(page)
    const named = rows.find((r) => r.employer_name !== null)!
    await page.goto(`/offres/${named.slug}`)
    await expect(page.locator('.offer-page__company')).toContainText(named.employer_name!)
    expect((await page.goto(`/offres/${named.slug}/postuler`))!.status()).toBe(404)
    // The placeholder's page says what it is, with no made-up place or size.
    await page.goto('/entreprises/offres-france-travail')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Entreprise non communiquée')
    await expect(page.getByText('Offres de France Travail dont l’employeur n’a pas de page sur Passerelle')).toBeVisible()
    await expect(page.getByText('salarié·es')).toHaveCount(0)
  } finally {
    await retryingWrite(() => db.transaction().execute(async (trx) => {
      const held = await trx.selectFrom('offers').select('id').where('source', '=', 'france-travail').where('source_id', 'in', ids).execute()
      for (const { id } of held) {
        await trx.deleteFrom('offers').where('id', '=', id).execute()
        await indexOffer(trx, id)
      }
    }))
  }
})

import { expect, test, uniqueWord } from './fixtures.ts'

test('a search with a typo finds the intended offer, as the user types, without reloading the page', async ({ page, seed }) => {
  const company = await seed.company({ name: 'Estran Domotique' })
  await seed.offer(company.id, { title: 'Développeur·se domotique maritime', commune_insee: '62193' })

  await page.goto('/offres')
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same document'))
  await page.getByRole('searchbox', { name: 'Métier, compétence, entreprise' }).pressSequentially('domotiqe maritim', { delay: 30 })

  await expect(page.getByRole('link', { name: 'Développeur·se domotique maritime' })).toBeVisible()
  await expect(page).toHaveURL(/q=domotiqe\+maritim/)
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same document')
})

test('filters by contract and territory; the URL holds the filters and the back button restores them', async ({ page, seed }) => {
  const word = uniqueWord('phare')
  const company = await seed.company({ name: 'Phare Numérique' })
  await seed.offer(company.id, { title: `Stage ${word} Boulogne`, commune_insee: '62160', contract_type: 'stage' })
  await seed.offer(company.id, { title: `CDI ${word} Boulogne`, commune_insee: '62160', contract_type: 'cdi' })
  await seed.offer(company.id, { title: `Stage ${word} Calais`, commune_insee: '62193', contract_type: 'stage' })

  await page.goto(`/offres?q=${word}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`3 offres pour « ${word} »`)
  await page.getByRole('checkbox', { name: /^Stage \(2\)/ }).check()
  await expect(page).toHaveURL(/contrat=stage/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`2 offres pour « ${word} »`)
  await page.getByRole('checkbox', { name: /^Boulonnais \(1\)/ }).check()
  await expect(page).toHaveURL(/territoire=boulonnais/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`1 offre pour « ${word} »`)
  await expect(page.getByRole('link', { name: `Stage ${word} Boulogne` })).toBeVisible()

  await page.goBack()
  await expect(page).not.toHaveURL(/territoire=/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`2 offres pour « ${word} »`)
  await expect(page.getByRole('checkbox', { name: /^Boulonnais/ })).not.toBeChecked()

  // The filtered URL is shareable: opened fresh, it shows the same result.
  await page.goto(`/offres?q=${word}&contrat=stage&territoire=boulonnais`)
  await expect(page.getByRole('link', { name: `Stage ${word} Boulogne` })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`1 offre pour « ${word} »`)
})

test('radius search around a commune shows the nearby offers with their distance', async ({ page, seed }) => {
  const word = uniqueWord('falaise')
  const company = await seed.company({ name: 'Falaise Logiciel' })
  await seed.offer(company.id, { title: `Technicien ${word} Wimereux`, commune_insee: '62893' })
  await seed.offer(company.id, { title: `Technicien ${word} Dunkerque`, commune_insee: '59183' })

  await page.goto(`/offres?q=${word}`)
  const commune = page.getByRole('combobox', { name: 'Autour de' })
  await commune.pressSequentially('Boulogne-s', { delay: 30 })
  // With JavaScript, the field suggests communes of all France as the user types.
  await expect(page.locator('#filtre-commune-suggestions option[value="Boulogne-sur-Mer (62)"]')).toHaveCount(1)
  await commune.fill('Boulogne-sur-Mer (62)')
  await commune.press('Enter')
  await expect(page).toHaveURL(/commune=62160/)
  await page.getByLabel('Dans un rayon de').selectOption('20')
  await expect(page).toHaveURL(/commune=62160/)
  await expect(page).toHaveURL(/rayon=20/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`1 offre pour « ${word} »`)
  const card = page.getByRole('article').filter({ hasText: `Technicien ${word} Wimereux` })
  await expect(card).toContainText(/à \d+(,\d)? km/)

  await page.getByLabel('Dans un rayon de').selectOption('100')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`2 offres pour « ${word} »`)
})

test('without JavaScript, a radius search around any commune of France: typed by name, or chosen among homonyms', async ({ browser, seed }) => {
  const word = uniqueWord('hortillon')
  const company = await seed.company({ name: 'Hortillonnages Data' })
  await seed.offer(company.id, { title: `Analyste ${word} Amiens`, commune_insee: '80021' })
  await seed.offer(company.id, { title: `Analyste ${word} Paris`, commune_insee: '75056' })
  await seed.offer(company.id, { title: `Analyste ${word} Saint-Denis`, commune_insee: '93066' })
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage()

  await page.goto(`/offres?q=${word}`)
  await page.getByRole('combobox', { name: 'Autour de' }).fill('amiens')
  await page.getByLabel('Dans un rayon de').selectOption('20')
  await page.getByRole('button', { name: 'Appliquer les filtres' }).click()
  await expect(page).toHaveURL(/commune=80021/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`1 offre pour « ${word} »`)
  await expect(page.getByRole('article').filter({ hasText: `Analyste ${word} Amiens` })).toContainText(/à \d+(,\d)? km/)
  await expect(page.getByRole('combobox', { name: 'Autour de' })).toHaveValue('Amiens (80)')

  // Several communes are called Saint-Denis: the server lists them, biggest first, as links.
  await page.getByRole('combobox', { name: 'Autour de' }).fill('Saint-Denis')
  await page.getByRole('button', { name: 'Appliquer les filtres' }).click()
  const choices = page.getByRole('navigation', { name: /Plusieurs communes correspondent/ })
  await choices.getByRole('link', { name: 'Saint-Denis (93)' }).click()
  await expect(page).toHaveURL(/commune=93066/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`2 offres pour « ${word} »`)
  await page.context().close()
})

test('an offer page carries JobPosting JSON-LD naming the company', async ({ page, seed }) => {
  const company = await seed.company({ name: 'Côte d’Opale Systèmes' })
  const offer = await seed.offer(company.id, {
    title: 'Administrateur·rice systèmes Linux',
    commune_insee: '62160',
    remote_policy: 'full_remote',
    salary_min: 32000,
    salary_max: 38000,
    salary_period: 'year',
    occupation: 'M1801',
  })

  const response = await page.goto(`/offres/${offer.slug}`)
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administrateur·rice systèmes Linux')
  const json = await page.locator('script[type="application/ld+json"]').textContent()
  const posting = JSON.parse(json ?? '')
  expect(posting['@type']).toBe('JobPosting')
  expect(posting.title).toBe('Administrateur·rice systèmes Linux')
  expect(posting.hiringOrganization.name).toBe('Côte d’Opale Systèmes')
  expect(posting.jobLocation.address.addressLocality).toBe('Boulogne-sur-Mer')
  expect(posting.jobLocationType).toBe('TELECOMMUTE')
  expect(posting.baseSalary.value).toMatchObject({ minValue: 32000, maxValue: 38000, unitText: 'YEAR' })
  expect(Date.parse(posting.validThrough)).toBeGreaterThan(Date.parse(posting.datePosted))
  // Its ROME occupation, shown and linked to the Métier facet.
  expect(posting.occupationalCategory).toBe('M1801 Administrateur / Administratrice de systèmes d\'information (SI)')
  await page.getByRole('link', { name: 'Administrateur / Administratrice de systèmes d\'information (SI)' }).click()
  await expect(page).toHaveURL(/metier=M1801/)
  await expect(page.getByRole('checkbox', { name: /^Administrateur \/ Administratrice de systèmes/ })).toBeChecked()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the same search and filters work with plain form submissions', async ({ page, seed }) => {
    const word = uniqueWord('dune')
    const company = await seed.company({ name: 'Dune Informatique' })
    await seed.offer(company.id, { title: `Alternance ${word} Dunkerque`, commune_insee: '59183', contract_type: 'alternance' })
    await seed.offer(company.id, { title: `CDI ${word} Dunkerque`, commune_insee: '59183', contract_type: 'cdi' })

    await page.goto('/')
    await page.getByRole('searchbox').fill(word)
    await page.getByRole('button', { name: 'Rechercher' }).click()
    await expect(page).toHaveURL(new RegExp(`/offres\\?q=${word}`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`2 offres pour « ${word} »`)

    await page.getByRole('checkbox', { name: /^Alternance/ }).check()
    await page.getByRole('checkbox', { name: /^Dunkerquois/ }).check()
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click()
    await expect(page).toHaveURL(/contrat=alternance/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`1 offre pour « ${word} »`)
    await expect(page.getByRole('link', { name: `Alternance ${word} Dunkerque` })).toBeVisible()
  })

  test('a misspelt search offers the corrected one ("Vouliez-vous dire"), as a plain link', async ({ page, seed }) => {
    const word = uniqueWord('balise')
    const company = await seed.company({ name: 'Balise Portuaire' })
    await seed.offer(company.id, { title: `Technicien ${word} portuaire`, commune_insee: '62193' })
    // One letter doubled: the word no offer holds is corrected, and the user is offered the corrected search.
    const typo = `${word.slice(0, 7)}${word[7]}${word.slice(7)}`
    await page.goto(`/offres?q=${typo}+portuaire`)
    await expect(page.getByRole('link', { name: `Technicien ${word} portuaire` })).toBeVisible()
    const suggestion = page.getByText('Vouliez-vous dire')
    await expect(suggestion).toContainText(`${word} portuaire`)
    await suggestion.getByRole('link').click()
    await expect(page).toHaveURL(new RegExp(`/offres\\?q=${word}\\+portuaire$`))
    await expect(page.getByText('Vouliez-vous dire')).toHaveCount(0)
  })
})

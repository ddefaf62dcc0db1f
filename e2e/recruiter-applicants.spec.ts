import { readFile } from 'node:fs/promises'
import { createTestApplication, createTestCandidate } from '#db/seed/index.ts'
import { expect, retryingWrite, test, uniqueWord } from './fixtures.ts'

test('a recruiter moves an applicant to "Entretien", writes a note and exports the applications as CSV', async ({ page, db, seed }) => {
  const signedUp = await page.request.post('/inscription', {
    form: { role: 'recruiter', displayName: 'Agnès Roussel', email: `${uniqueWord('rh')}@exemple.fr`, password: 'les falaises du Blanc-Nez' },
    maxRedirects: 0,
  })
  expect(signedUp.status()).toBe(302)
  const created = await page.request.post('/recruteur/entreprises/nouvelle', {
    form: { name: `Studio ${uniqueWord('Candidatures')}`, nafCode: '62.01Z', sizeBand: '1-9', communeInsee: '62160',
      description: 'Un studio qui reçoit ses premières candidatures.' },
    maxRedirects: 0,
  })
  const slug = new URL(created.headers()['location']!, 'http://x').pathname.replace('/entreprises/', '')
  const company = await db.selectFrom('companies').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
  const offer = await seed.offer(company.id, { title: 'Développeur·se mobile' })
  const candidate = await retryingWrite(() => createTestCandidate(db, { firstName: 'Zoé', lastName: 'Lefèvre', skills: [{ slug: 'react', level: 3 }] }))
  try {
    await retryingWrite(() => createTestApplication(db, { offerId: offer.id, candidateId: candidate.id, message: '=HYPERLINK("http://pirate.example";"Voir")' }))

    await page.goto(`/recruteur/entreprises/${slug}/offres`)
    await page.getByRole('link', { name: `1 candidature à « ${offer.title} »` }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Candidatures à « ${offer.title} »`)
    await expect(page.getByRole('link', { name: 'Nouvelle (1)' })).toBeVisible()
    await page.getByRole('link', { name: 'Zoé Lefèvre' }).click()

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zoé Lefèvre')
    await expect(page.getByText('=HYPERLINK("http://pirate.example";"Voir")')).toBeVisible()
    await page.getByLabel('Étape', { exact: true }).selectOption({ label: 'Entretien' })
    await page.getByRole('button', { name: 'Changer d’étape' }).click()
    await expect(page.getByText('étape : Entretien')).toBeVisible()

    // An empty note is explained in French, then a real one is kept with its author.
    await page.getByRole('button', { name: 'Ajouter la note' }).click()
    await expect(page.getByText('Écrivez la note avant de l’ajouter.')).toBeVisible()
    await page.getByLabel('Nouvelle note').fill('Très motivée, à rappeler jeudi.')
    await page.getByRole('button', { name: 'Ajouter la note' }).click()
    await expect(page.getByRole('listitem').filter({ hasText: 'Très motivée, à rappeler jeudi.' })).toContainText('Agnès Roussel')

    await page.getByRole('link', { name: `Candidatures à « ${offer.title} »` }).click()
    await expect(page.getByRole('link', { name: 'Entretien (1)' })).toBeVisible()
    await page.getByRole('link', { name: 'Refusée (0)' }).click()
    await expect(page.getByText('Aucune candidature à cette étape.')).toBeVisible()

    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Exporter les candidatures (CSV)' }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`candidatures-${offer.slug}.csv`)
    const bytes = await readFile((await file.path())!)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toBe('Nom;E-mail;Étape;Date de candidature;Commune;Formation;Compétences;Message')
    const cells = lines[1]!.split(';')
    expect(cells.slice(0, 3)).toEqual(['Zoé Lefèvre', candidate.email, 'Entretien'])
    // The message holds a ';', so it is quoted, and its leading '=' is defused.
    expect(lines[1]).toMatch(/;"'=HYPERLINK\(""http:\/\/pirate\.example"";""Voir""\)"$/)
    expect(lines[2]).toBe('')
  } finally {
    await db.deleteFrom('users').where('id', '=', candidate.id).execute()
  }
})

import { expect, test, uniqueWord } from './fixtures.ts'

/** A small but real PDF, built here so the test needs no fixture file. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')

test('a candidate fills the profile, uploads a CV, consents then withdraws, applies once and follows the application', async ({ page, seed }) => {
  const word = uniqueWord('phare')
  const company = await seed.company({ name: `Phare ${word}` })
  const offer = await seed.offer(company.id, { title: `Développeur·se ${word}` })

  await page.goto('/inscription')
  await page.getByLabel('Candidat·e : je cherche un emploi, un stage ou une alternance').check()
  await page.getByLabel('Prénom et nom').fill('Zoé Lemaire')
  await page.getByLabel('Adresse e-mail').fill(`${uniqueWord('zoe')}@exemple.fr`)
  await page.getByLabel('Mot de passe').fill('la dune du Slack au matin')
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await page.getByRole('link', { name: 'Mon profil' }).click()
  await expect(page.getByText('Visibilité : votre profil est privé.')).toBeVisible()
  await expect(page.getByText('Enregistrez d’abord votre profil (prénom et nom).').first()).toBeVisible()

  // The profile: training, skills with levels, a language, commune and mobility, contracts, links.
  await page.getByLabel('Prénom', { exact: true }).fill('Zoé')
  await page.getByLabel('Nom', { exact: true }).fill('Lemaire')
  await page.getByLabel('École ou université (facultatif)').fill('Université du Littoral Côte d’Opale')
  await page.getByLabel('Niveau de diplôme').selectOption({ label: 'Bac +3 (licence, BUT…)' })
  await page.getByLabel('Année d’obtention (facultatif)').fill('2026')
  await page.getByLabel('TypeScript', { exact: true }).selectOption({ label: 'Avancé' })
  await page.getByLabel('React', { exact: true }).selectOption({ label: 'Intermédiaire' })
  await page.getByLabel('Anglais', { exact: true }).selectOption({ label: 'B2 – Avancé' })
  await page.getByLabel('Commune de résidence').selectOption({ label: 'Wimereux (Boulonnais)' })
  await page.getByLabel('Mobilité, en kilomètres autour de chez vous (0 à 200)').fill('40')
  await page.getByLabel('Télétravail souhaité').selectOption({ label: 'Hybride' })
  await page.getByLabel('Alternance', { exact: true }).check()
  await page.getByLabel('Liens (portfolio, GitHub, LinkedIn…)').fill('ftp://zoe.example/portfolio')
  await page.getByRole('button', { name: 'Enregistrer mon profil' }).click()
  await expect(page.getByText('Chaque lien doit être une adresse web complète commençant par https:// ou http://.')).toBeVisible()
  await page.getByLabel('Liens (portfolio, GitHub, LinkedIn…)').fill('https://zoe.example/portfolio')
  await page.getByRole('button', { name: 'Enregistrer mon profil' }).click()
  await expect(page.getByText('Votre profil est enregistré.')).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('TypeScript', { exact: true })).toHaveValue('typescript:3')
  await expect(page.getByLabel('React', { exact: true })).toHaveValue('react:2')
  await expect(page.getByLabel('Commune de résidence')).toHaveValue('62893')
  await expect(page.getByLabel('Alternance', { exact: true })).toBeChecked()

  // The CV: a real PDF is kept; a PNG renamed .pdf is refused next to the field.
  await page.getByLabel('Mon CV (PDF, 5 Mo au plus)').setInputFiles({ name: 'cv-zoe.pdf', mimeType: 'application/pdf', buffer: tinyPdf() })
  await page.getByRole('button', { name: 'Envoyer mon CV' }).click()
  await expect(page.getByText('Votre CV est enregistré.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'cv-zoe.pdf' })).toBeVisible()
  await page.getByLabel('Remplacer mon CV (PDF, 5 Mo au plus)').setInputFiles({ name: 'photo.pdf', mimeType: 'application/pdf', buffer: PNG })
  await page.getByRole('button', { name: 'Envoyer mon CV' }).click()
  await expect(page.getByText('Votre CV doit être un fichier PDF. Exportez-le en PDF depuis votre traitement de texte.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'cv-zoe.pdf' })).toBeVisible()

  // Its owner downloads it as an attachment, byte for byte.
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'cv-zoe.pdf' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('cv-zoe.pdf')
  const response = await page.request.get('/candidat/cv')
  expect(response.headers()['content-disposition']).toMatch(/^attachment; /)
  expect(response.headers()['content-type']).toBe('application/pdf')
  expect(Buffer.from(await response.body()).equals(tinyPdf())).toBe(true)

  // Consent: the box must be ticked; withdrawing makes the profile private again at once.
  await page.getByRole('button', { name: 'Rendre mon profil visible' }).click()
  await expect(page.getByText('Cochez la case pour accepter que votre profil soit visible.')).toBeVisible()
  await page.getByLabel(/J’accepte que mon profil soit visible des recruteurs et recruteuses d’entreprises vérifiées/).check()
  await page.getByRole('button', { name: 'Rendre mon profil visible' }).click()
  await expect(page.getByText(/Visibilité : votre profil est visible des recruteurs et recruteuses d’entreprises vérifiées/)).toBeVisible()
  await page.getByRole('button', { name: 'Retirer mon consentement' }).click()
  await expect(page.getByText('Votre consentement est retiré : votre profil est privé.')).toBeVisible()
  await expect(page.getByText('Visibilité : votre profil est privé.')).toBeVisible()

  // Applying: from the offer page, with a message. A second tab opened before cannot apply twice.
  const secondTab = await page.context().newPage()
  await secondTab.goto(`/offres/${offer.slug}/postuler`)
  await page.goto(`/offres/${offer.slug}`)
  await page.getByRole('link', { name: 'Postuler' }).click()
  await expect(page.getByText(`En postulant, vous transmettez à ${company.name} votre profil Passerelle et votre CV`)).toBeVisible()
  await page.getByLabel('Message à l’entreprise (facultatif, 3 000 caractères au plus)').fill('Bonjour, je serais ravie d’en parler.')
  await page.getByRole('button', { name: 'Envoyer ma candidature' }).click()
  await expect(page.getByText('Votre candidature est envoyée.')).toBeVisible()
  await secondTab.getByRole('button', { name: 'Envoyer ma candidature' }).click()
  await expect(secondTab.getByText('Vous avez déjà postulé à cette offre.')).toBeVisible()
  await secondTab.close()

  await page.getByRole('link', { name: 'Mes candidatures' }).click()
  const row = page.getByRole('row').filter({ hasText: offer.title })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(company.name)
  await expect(row.getByRole('cell').nth(3)).toHaveText('Envoyée')
  await expect(row.getByRole('link', { name: offer.title })).toHaveAttribute('href', `/offres/${offer.slug}`)
})

test('a visitor is offered to log in before applying; a recruiter is refused the candidate space', async ({ page, seed }) => {
  const company = await seed.company({ name: `Dune ${uniqueWord('dune')}` })
  const offer = await seed.offer(company.id, { title: `Technicien·ne ${uniqueWord('tech')}` })
  await page.goto(`/offres/${offer.slug}`)
  await page.getByRole('link', { name: 'Postuler' }).click()
  await page.getByRole('link', { name: 'connectez-vous' }).click()
  await expect(page).toHaveURL(new RegExp(`/connexion\\?redirectTo=%2Foffres%2F${offer.slug}%2Fpostuler`))
  await page.getByLabel('Adresse e-mail').fill('recruteur@demo.passerelle.fr')
  await page.getByLabel('Mot de passe').fill('passerelle-demo')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé')
  const response = await page.goto('/candidat/profil')
  expect(response?.status()).toBe(403)
  await expect(page.getByText('Cet espace est réservé aux candidats et candidates.')).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the profile form answers with French errors from the server, then saves', async ({ page }) => {
    await page.goto('/inscription')
    await page.getByLabel('Candidat·e : je cherche un emploi, un stage ou une alternance').check()
    await page.getByLabel('Prénom et nom').fill('Hugo Ternisien')
    await page.getByLabel('Adresse e-mail').fill(`${uniqueWord('hugo')}@exemple.fr`)
    await page.getByLabel('Mot de passe').fill('les falaises du cap Blanc-Nez')
    await page.getByRole('button', { name: 'Créer mon compte' }).click()
    await page.goto('/candidat/profil')
    await page.getByLabel('Prénom', { exact: true }).fill('Hugo')
    await page.getByLabel('Python', { exact: true }).selectOption({ label: 'Expert' })
    await page.getByLabel('Mobilité, en kilomètres autour de chez vous (0 à 200)').fill('250')
    await page.getByRole('button', { name: 'Enregistrer mon profil' }).click()
    await expect(page.getByText('Indiquez votre nom.')).toBeVisible()
    await expect(page.getByText('Indiquez une distance de 200 km au plus.')).toBeVisible()
    // What was typed and chosen is still there.
    await expect(page.getByLabel('Python', { exact: true })).toHaveValue('python:4')
    await page.getByLabel('Nom', { exact: true }).fill('Ternisien')
    await page.getByLabel('Mobilité, en kilomètres autour de chez vous (0 à 200)').fill('150')
    await page.getByRole('button', { name: 'Enregistrer mon profil' }).click()
    await expect(page.getByText('Votre profil est enregistré.')).toBeVisible()
    await expect(page.getByLabel('Python', { exact: true })).toHaveValue('python:4')
  })
})

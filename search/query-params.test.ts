import { describe, expect, it } from 'vitest'
import { offerQuery, offerQueryToParams, parseOfferQuery } from './query-params.ts'

const parse = (qs: string) => parseOfferQuery(new URLSearchParams(qs))

describe('the search URL', () => {
  it('reads every filter, and writes it back the same way', () => {
    const qs =
      'q=d%C3%A9veloppeur&contrat=cdi&contrat=alternance&teletravail=hybrid&territoire=calaisis&commune=62193&rayon=30' +
      '&niveau=junior&competence=react&salaire=30000&depuis=7&entreprise=opale-logiciels&tri=distance&page=2'
    const { query, notices } = parse(qs)
    expect(notices).toEqual([])
    expect(query).toEqual(
      offerQuery({
        text: 'développeur', contracts: ['cdi', 'alternance'], remote: ['hybrid'], territories: ['calaisis'],
        near: { insee: '62193', radiusKm: 30 }, experience: ['junior'], skills: ['react'], salaryMin: 30000,
        postedWithinDays: 7, companies: ['opale-logiciels'], sort: 'distance', page: 2,
      }),
    )
    expect(parse(offerQueryToParams(query).toString()).query).toEqual(query)
  })

  it('drops what it cannot use and says so in French', () => {
    const { query, notices } = parse('contrat=cdi&contrat=CDI-hack&commune=62193&rayon=-4&salaire=beaucoup&page=0&tri=hasard')
    expect(query.contracts).toEqual(['cdi'])
    expect(query.near).toEqual({ insee: '62193', radiusKm: 1 })
    expect(query.salaryMin).toBeNull()
    expect(query.page).toBe(1)
    expect(query.sort).toBe('date')
    expect(notices).toEqual([
      'Le rayon doit être compris entre 1 et 200 km : le rayon retenu est de 1 km.',
      'Salaire minimum invalide : filtre ignoré (indiquez un montant annuel brut, ex. 30000).',
      'Tri inconnu : résultats triés par date.',
      'Numéro de page invalide : première page affichée.',
      'Filtre « contrat » : valeur inconnue ignorée.',
    ])
  })

  it('shortens a huge text and repairs broken Unicode', () => {
    const { query, notices } = parse(`q=${'é'.repeat(5000)}%ED%A0%80`)
    expect(query.text).toHaveLength(200)
    expect(notices).toContain('Votre recherche a été raccourcie à 200 caractères.')
    expect(parse('q=%ED%A0%80abc').query.text).toBe('\uFFFD\uFFFD\uFFFDabc')
  })
})

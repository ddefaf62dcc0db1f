import { hash } from '@node-rs/argon2'
import type { DB } from '../connection.ts'
import { APPLICATION_STAGES, type ApplicationStage } from '../domain.ts'
import { DEMO_PASSWORD } from './accounts.ts'
import { generateCandidates, type GeneratedCandidate } from './candidates.ts'
import { Random } from './random.ts'
import { activeRegionDefinition, demoCommunes } from './region.ts'

const NOTES: Partial<Record<ApplicationStage, string>> = {
  reviewed: 'Profil intéressant, projets de fin d’études solides. À appeler cette semaine.',
  interview: 'Entretien téléphonique positif : bonne motivation, à revoir avec l’équipe technique.',
  offer: 'Proposition envoyée, réponse attendue sous huit jours.',
  hired: 'A accepté la proposition : arrivée prévue le mois prochain.',
  rejected: 'Pas assez d’expérience sur la partie serveur pour ce poste ; à recontacter pour une alternance.',
}

/**
 * Candidates with profiles, and applications to the demo recruiter's offers
 * at every stage of the pipeline (with notes), plus the demo candidate's own
 * profile and applications. Demo-only: every account shares the demo password.
 */
export async function seedDemoApplications(db: DB, now: Date, { count = 60, seed = 7 } = {}): Promise<void> {
  const rng = new Random(seed)
  const region = await activeRegionDefinition(db)
  const communes = await demoCommunes(db, region)
  const skillIds = new Map((await db.selectFrom('skills').select(['id', 'slug']).execute()).map((s) => [s.slug, s.id]))
  const generated = generateCandidates(rng, count, communes, { now, emailDomain: 'demo.passerelle.fr', region: region.demo })
  const passwordHash = await hash(DEMO_PASSWORD)
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString()

  await db.transaction().execute(async (trx) => {
    const insertProfile = async (userId: number, c: GeneratedCandidate) => {
      await trx
        .insertInto('candidate_profiles')
        .values({
          user_id: userId, first_name: c.firstName, last_name: c.lastName, school: c.training.school,
          programme: c.training.programme, degree_level: c.training.degree, graduation_year: c.graduationYear,
          commune_insee: c.communeInsee, mobility_km: c.mobilityKm, remote_preference: c.remotePreference,
          contract_types: JSON.stringify(c.contractTypes), links: '[]', available_from: c.availableFrom, bio: c.bio,
          visibility: c.consenting ? 'verified_recruiters' : 'private', consent_at: c.consenting ? at(10) : null,
          updated_at: at(10),
        })
        .execute()
      await trx.insertInto('candidate_skills')
        .values(c.skills.map((s) => ({ user_id: userId, skill_id: skillIds.get(s.slug)!, level: s.level })))
        .execute()
      await trx.insertInto('candidate_languages')
        .values(c.languages.map(([language, level]) => ({ user_id: userId, language, level })))
        .execute()
      await trx.insertInto('candidate_occupations')
        .values(c.occupations.map((code) => ({ user_id: userId, occupation_code: code })))
        .execute()
    }

    const candidateIds: number[] = []
    for (const c of generated) {
      const user = await trx
        .insertInto('users')
        .values({ email: c.email, password_hash: passwordHash, display_name: `${c.firstName} ${c.lastName}`,
          role: 'candidate', created_at: at(40), last_active_at: at(rng.int(0, 30)) })
        .returning('id')
        .executeTakeFirstOrThrow()
      await insertProfile(user.id, c)
      candidateIds.push(user.id)
    }

    // The demo candidate: a BUT Informatique graduate from Calais, visible to recruiters.
    const demoCandidate = await trx.selectFrom('users').select('id').where('email', '=', 'candidate@demo.passerelle.fr').executeTakeFirst()
    if (demoCandidate) {
      const [first] = generateCandidates(new Random(1), 1, communes, { now, emailDomain: 'x', region: region.demo })
      await insertProfile(demoCandidate.id, {
        ...first!, firstName: 'Inès', lastName: 'Delattre', communeInsee: region.centre.commune, consenting: true, mobilityKm: 40,
        training: { ...first!.training, school: region.demo.candidate.school, programme: 'BUT Informatique', degree: 'bac3' },
        skills: [{ slug: 'typescript', level: 3 }, { slug: 'react', level: 3 }, { slug: 'sql', level: 2 }, { slug: 'git', level: 3 }],
        bio: region.demo.candidate.bio,
      })
    }

    const recruiter = await trx
      .selectFrom('company_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.company_id', 'u.id'])
      .where('u.email', '=', 'recruteur@demo.passerelle.fr')
      .executeTakeFirst()
    if (!recruiter) return
    const ownOffers = await trx
      .selectFrom('offers').select('id').where('company_id', '=', recruiter.company_id).where('status', '=', 'published')
      .orderBy('id').limit(4).execute()
    let next = 0
    for (const [o, offer] of ownOffers.entries()) {
      const applicants = rng.int(5, 8)
      for (let k = 0; k < applicants; k++) {
        // Every stage appears on the first offer; the others lean towards the start of the pipeline.
        const stage = o === 0 ? APPLICATION_STAGES[k % APPLICATION_STAGES.length]! : rng.pickWeighted(
          APPLICATION_STAGES.map((s, i) => [s, APPLICATION_STAGES.length - i] as const))
        const applied = rng.int(3, 25)
        const row = await trx
          .insertInto('applications')
          .values({ offer_id: offer.id, candidate_id: candidateIds[next++ % candidateIds.length]!, stage,
            message: 'Bonjour, votre offre correspond à ma formation et je serais ravi·e d’en discuter avec vous.',
            created_at: at(applied), stage_changed_at: at(stage === 'new' ? applied : rng.int(0, applied)) })
          .returning('id')
          .executeTakeFirstOrThrow()
        const note = NOTES[stage]
        if (note) {
          await trx.insertInto('application_notes')
            .values({ application_id: row.id, author_id: recruiter.id, body: note, created_at: at(rng.int(0, applied)) })
            .execute()
        }
      }
    }
    if (demoCandidate && ownOffers[0]) {
      const elsewhere = await trx
        .selectFrom('offers').select('id').where('company_id', '!=', recruiter.company_id).where('status', '=', 'published')
        .orderBy('id').limit(2).execute()
      const mine: [number, ApplicationStage][] = [[ownOffers[ownOffers.length - 1]!.id, 'interview'],
        ...elsewhere.map((o, i): [number, ApplicationStage] => [o.id, i === 0 ? 'new' : 'rejected'])]
      for (const [offerId, stage] of mine) {
        await trx.insertInto('applications')
          .values({ offer_id: offerId, candidate_id: demoCandidate.id, stage, created_at: at(12), stage_changed_at: at(2),
            message: 'Bonjour, je serais heureuse de vous présenter mes projets réalisés en alternance.' })
          .onConflict((oc) => oc.doNothing())
          .execute()
      }
    }
  })
}

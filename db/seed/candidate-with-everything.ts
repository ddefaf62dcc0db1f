import type SQLite from 'better-sqlite3'
import { createPasswordReset, createSession } from '../queries/accounts.ts'
import type { DB } from '../connection.ts'
import type { FileStore } from '../files.ts'
import { createTestApplication, createTestCandidate, createTestCompany, createTestOffer } from './factories.ts'

/** A small PDF: its bytes must come back intact from the export. */
export const TEST_CV = new TextEncoder().encode('%PDF-1.4\n% CV de test — Zoé\n%%EOF\n')

/**
 * For the GDPR tests: a candidate with a row in every table that can name
 * them (profile, skills, languages, CV, applications with recruiters' notes,
 * a report, sessions, a reset token, rate-limit events, an invitation).
 */
export async function createCandidateWithEverything(
  db: DB,
  files: FileStore,
  input: { email: string; firstName: string; lastName: string; now: Date },
) {
  const { now } = input
  const candidate = await createTestCandidate(db, {
    email: input.email, firstName: input.firstName, lastName: input.lastName, visibility: 'verified_recruiters',
    skills: [{ slug: 'typescript', level: 3 }, { slug: 'csharp', level: 2 }],
  })
  const cvFile = await files.save(TEST_CV)
  await db
    .updateTable('candidate_profiles')
    .set({ school: 'Université du Littoral Côte d’Opale', programme: 'Master Ingénierie du logiciel', bio: 'Passionnée de forêts et d’écologie numérique.',
      links: JSON.stringify(['https://zoe.exemple.fr']), contract_types: JSON.stringify(['cdi', 'alternance']),
      cv_file: cvFile, cv_name: 'CV Zoé Lefèvre.pdf', cv_size: TEST_CV.byteLength, cv_uploaded_at: now.toISOString(),
      diploma_speciality: 'Génie logiciel', excluded_contract_types: JSON.stringify(['interim']), mobile_anywhere: 1, internship_months: 6 })
    .where('user_id', '=', candidate.id)
    .execute()
  await db.insertInto('candidate_experiences').values({
    user_id: candidate.id, kind: 'apprenticeship', title: 'Alternance développeuse, Forêt Numérique', start_month: '2024-09', end_month: '2026-08',
  }).execute()
  await db.insertInto('candidate_languages').values([
    { user_id: candidate.id, language: 'fr', level: 'native' },
    { user_id: candidate.id, language: 'en', level: 'b2' },
  ]).execute()

  const company = await createTestCompany(db, { name: 'Forêt Numérique' })
  const offer = await createTestOffer(db, { companyId: company.id, title: 'Développeur·se TypeScript à Calais' })
  const application = await createTestApplication(db, {
    offerId: offer.id, candidateId: candidate.id, stage: 'interview', message: `Je m’appelle ${input.firstName} et j’aime TypeScript.`,
  })
  const recruiter = await db
    .insertInto('users')
    .values({ email: `rh-${candidate.id}@foret.fr`, password_hash: 'x', display_name: 'Rémi RH', role: 'recruiter',
      created_at: now.toISOString(), last_active_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.insertInto('application_notes').values({
    application_id: application.id, author_id: recruiter.id, body: `${input.firstName} ${input.lastName} : très bon entretien.`,
    created_at: now.toISOString(),
  }).execute()
  await db.insertInto('saved_offers').values({ user_id: candidate.id, offer_id: offer.id, created_at: now.toISOString() }).execute()
  await db.insertInto('offer_reports').values({
    offer_id: offer.id, reporter_id: candidate.id, reason: 'outdated', message: 'Le poste semble déjà pourvu.', created_at: now.toISOString(),
  }).execute()
  await db.insertInto('company_invitations').values({
    company_id: company.id, email: input.email, token_hash: `invitation-${candidate.id}`, invited_by: recruiter.id,
    created_at: now.toISOString(), expires_at: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
  }).execute()
  await createSession(db, candidate.id, now)
  await createPasswordReset(db, candidate.id, now)
  await db.insertInto('rate_limit_events').values({ key: `login:${input.email}`, at: now.toISOString() }).execute()
  return { ...candidate, cvFile, offerId: offer.id, applicationId: application.id, companyId: company.id }
}

/**
 * Every row, in every table, that still names a user: a column referencing
 * users.id holding their id, or any text holding one of the given strings.
 * The search outbox's profile tombstone is left out: it exists to make
 * indexes forget the id.
 */
export function findTracesOf(sqlite: SQLite.Database, userId: number, strings: string[]): string[] {
  const traces: string[] = []
  const tables = sqlite
    .prepare<[], { name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .all()
  for (const { name } of tables) {
    const userColumns = sqlite
      .prepare<[], { table: string; from: string; to: string }>(`select * from pragma_foreign_key_list('${name}')`)
      .all()
      .filter((fk) => fk.table === 'users')
      .map((fk) => fk.from)
    if (name === 'users') userColumns.push('id')
    const rows = sqlite.prepare<[], Record<string, unknown>>(`select * from "${name}"`).all()
    for (const row of rows) {
      if (name === 'search_outbox' && row.doc_type === 'profile') continue
      const text = JSON.stringify(row).toLowerCase()
      for (const column of userColumns) if (row[column] === userId) traces.push(`${name}.${column} = ${userId}: ${text}`)
      for (const s of strings) if (text.includes(s.toLowerCase())) traces.push(`${name} contient « ${s} » : ${text}`)
    }
  }
  return traces
}

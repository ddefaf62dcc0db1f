import { createHash } from 'node:crypto'
import type { Transaction } from 'kysely'
import { indexOffers } from '#search/embedded/offer-index.ts'
import type { DB } from '../connection.ts'
import type { OfferSource } from '../domain.ts'
import type { Database } from '../schema.ts'
import { slugify } from '../identifiers.ts'
import type { ImportedOffer, ImportReport, Rejection } from './types.ts'

/**
 * Writes imported offers for one company and one source (decision 012). Offers are matched by
 * their source id: new ones are created, changed ones updated, unchanged ones left alone (a
 * hash of what was imported), and, when the run saw the source's whole scope (`complete`),
 * the scope's published offers the source no longer lists are closed. Each batch is one
 * transaction holding the offers, their index rows and their outbox events: a process killed
 * mid-import leaves whole offers or none, and the next run carries on.
 */
export const IMPORT_BATCH = 200

export type ImportTarget = { source: Exclude<OfferSource, 'manual'>; companyId: number; companySlug: string }

export type ImportRun = {
  offers: ImportedOffer[]
  rejected: Rejection[]
  /** True when the offers are everything the source holds for this scope: vanished ones are closed. */
  complete: boolean
  now: Date
  /** Called after each committed batch (the CLI prints progress). */
  onBatch?: (written: number) => void
}

const hashOf = (offer: ImportedOffer) => createHash('sha256').update(JSON.stringify(offer)).digest('base64url').slice(0, 22)

function columnsOf(offer: ImportedOffer) {
  const euros = (cents: number | null | undefined) => (cents == null ? null : Math.round(cents / 100))
  return {
    title: offer.title,
    description_md: offer.descriptionMd,
    commune_insee: offer.communeInsee,
    remote_policy: offer.remotePolicy,
    remote_stated: offer.remoteStated ? 1 : 0,
    contract_type: offer.contractType,
    experience_level: offer.experienceLevel,
    occupation: offer.occupation,
    salary_min: euros(offer.salary?.minCents),
    salary_max: euros(offer.salary?.maxCents),
    salary_period: offer.salary?.period ?? null,
    salary_min_cents: offer.salary?.minCents ?? null,
    salary_max_cents: offer.salary?.maxCents ?? null,
    salary_text: offer.salaryText,
    start_date: offer.startDate,
    expires_at: offer.expiresAt,
    source_url: offer.sourceUrl,
    source_created_at: offer.sourceCreatedAt,
    source_updated_at: offer.sourceUpdatedAt,
    source_contract: offer.sourceContract,
    employer_name: offer.employerName,
    employer_sector: offer.employerSector,
    employer_size: offer.employerSize,
    working_time: offer.workingTime,
    positions: offer.positions,
    qualification: offer.qualification,
    education_json: offer.education.length ? JSON.stringify(offer.education) : null,
    languages_json: offer.languages.length ? JSON.stringify(offer.languages) : null,
    licences_json: offer.licences.length ? JSON.stringify(offer.licences) : null,
  }
}

type Executor = Transaction<Database>

export async function importOffers(db: DB, target: ImportTarget, run: ImportRun & { oneTransaction?: boolean }): Promise<ImportReport> {
  const report: ImportReport = { source: target.source, created: 0, updated: 0, unchanged: 0, closed: 0, rejected: [...run.rejected] }
  // The source may list an offer twice: the last one wins, counted once.
  const offers = [...new Map(run.offers.map((o) => [o.sourceId, o])).values()]
  const seen = new Set(offers.map((o) => o.sourceId).concat(run.rejected.map((r) => r.sourceId)))
  if (run.oneTransaction) {
    // A company's career page: all of it or nothing (decision 012).
    await db.transaction().execute(async (trx) => {
      await writeBatch(trx, target, offers, report, run.now)
      if (run.complete) report.closed = await closeVanished(trx, target, seen, run.now)
    })
    return report
  }
  for (let start = 0; start < offers.length; start += IMPORT_BATCH) {
    await db.transaction().execute((trx) => writeBatch(trx, target, offers.slice(start, start + IMPORT_BATCH), report, run.now))
    run.onBatch?.(Math.min(start + IMPORT_BATCH, offers.length))
  }
  if (run.complete) report.closed = await db.transaction().execute((trx) => closeVanished(trx, target, seen, run.now))
  return report
}

async function writeBatch(trx: Executor, target: ImportTarget, batch: ImportedOffer[], report: ImportReport, now: Date): Promise<void> {
  if (batch.length === 0) return
  const at = now.toISOString()
  const existing = new Map(
    (
      await trx
        .selectFrom('offers')
        .select(['id', 'source_id', 'source_hash', 'moderation_note'])
        .where('source', '=', target.source)
        .where('company_id', '=', target.companyId)
        .where('source_id', 'in', batch.map((o) => o.sourceId))
        .execute()
    ).map((row) => [row.source_id!, row]),
  )
  const written: number[] = []
  const skillIds = new Map(
    (await trx.selectFrom('skills').select(['id', 'slug']).where('slug', 'in', [...new Set(batch.flatMap((o) => o.skills.map((s) => s.slug)))].concat([''])).execute())
      .map((s) => [s.slug, s.id]),
  )
  for (const offer of batch) {
    const hash = hashOf(offer)
    const held = existing.get(offer.sourceId)
    if (held?.source_hash === hash) {
      report.unchanged++
      continue
    }
    const columns = { ...columnsOf(offer), source_hash: hash, updated_at: at }
    let id: number
    if (held) {
      id = held.id
      // An offer the admins took down stays down whatever the source says.
      const status = held.moderation_note ? {} : { status: 'published' as const }
      await trx.updateTable('offers').set({ ...columns, ...status }).where('id', '=', id).execute()
      report.updated++
    } else {
      const published = offer.sourceCreatedAt < at ? offer.sourceCreatedAt : at
      const row = await trx
        .insertInto('offers')
        .values({
          ...columns,
          slug: `${slugify(offer.title).slice(0, 80).replace(/-+$/, '') || 'offre'}-${target.companySlug.slice(0, 40)}-${sourceIdSlug(offer.sourceId)}`,
          company_id: target.companyId,
          source: target.source,
          source_id: offer.sourceId,
          status: 'published',
          published_at: published,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      id = row.id
      report.created++
    }
    await trx.deleteFrom('offer_skills').where('offer_id', '=', id).execute()
    const skills = offer.skills.flatMap((s) => (skillIds.has(s.slug) ? [{ offer_id: id, skill_id: skillIds.get(s.slug)!, required: s.required ? 1 : 0 }] : []))
    if (skills.length) await trx.insertInto('offer_skills').values(skills).execute()
    written.push(id)
  }
  await indexOffers(trx, written)
}

/** Published offers of the scope the source no longer lists leave search (their hash is dropped: a return republishes them). */
async function closeVanished(trx: Executor, target: ImportTarget, seen: Set<string>, now: Date): Promise<number> {
  const held = await trx
    .selectFrom('offers')
    .select(['id', 'source_id'])
    .where('source', '=', target.source)
    .where('company_id', '=', target.companyId)
    .where('status', '=', 'published')
    .execute()
  const gone = held.filter((o) => !seen.has(o.source_id ?? ''))
  for (const offer of gone) {
    await trx.updateTable('offers').set({ status: 'closed', source_hash: null, updated_at: now.toISOString() }).where('id', '=', offer.id).execute()
  }
  await indexOffers(trx, gone.map((o) => o.id))
  return gone.length
}

export const PLACEHOLDER_NAME = 'Entreprise non communiquée'

/**
 * The company holding a source's offers whose employer has no page here: never listed,
 * without members (so no recruiter can edit its offers), its page not found. Created once.
 */
export async function placeholderCompany(db: DB, source: ImportTarget['source'], now: Date): Promise<{ id: number; slug: string }> {
  return db.transaction().execute(async (trx) => {
    const held = await trx.selectFrom('companies').select(['id', 'slug']).where('placeholder_source', '=', source).executeTakeFirst()
    if (held) return held
    const commune = await trx
      .selectFrom('communes')
      .select('insee')
      .orderBy((eb) => eb.case().when('territory_id', 'is not', null).then(0).else(1).end())
      .orderBy('population', 'desc')
      .executeTakeFirstOrThrow()
    return trx
      .insertInto('companies')
      .values({
        slug: `offres-${source}`,
        name: PLACEHOLDER_NAME,
        naf_code: '',
        size_band: '1-9',
        description: `Offres ${source === 'france-travail' ? 'de France Travail' : 'importées'} dont l’employeur n’a pas de page sur Passerelle : chaque offre nomme son employeur quand la source le communique, et renvoie à l’offre d’origine pour postuler.`,
        commune_insee: commune.insee,
        created_at: now.toISOString(),
        verified_at: now.toISOString(),
        placeholder_source: source,
      })
      .returning(['id', 'slug'])
      .executeTakeFirstOrThrow()
  })
}

/** The report, in French, one line per count and one per rejected offer. */
export function describeImport(report: ImportReport): string {
  const lines = [
    `Import ${report.source} : ${report.created} créée(s), ${report.updated} mise(s) à jour, ${report.unchanged} inchangée(s), ${report.closed} fermée(s), ${report.rejected.length} rejetée(s).`,
    ...report.rejected.map((r) => `  rejetée ${r.sourceId} : ${r.reason}`),
  ]
  return lines.join('\n')
}

/**
 * The source id's part of an imported offer's slug: readable when short (France Travail's « 201XKQM »); a long
 * one (a career page's posting URL) is cut and ends with a hash of the whole id, so two postings whose URLs share
 * their first characters never get the same slug.
 */
export function sourceIdSlug(sourceId: string): string {
  const slug = slugify(sourceId)
  if (slug.length <= 60) return slug
  return `${slug.slice(0, 50).replace(/-+$/, '')}-${createHash('sha256').update(sourceId).digest('hex').slice(0, 9)}`
}

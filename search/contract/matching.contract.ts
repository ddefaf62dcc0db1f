import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Updateable } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import type { DB } from '#db/connection.ts'
import { createFileStore } from '#db/files.ts'
import { setOwnVisibility } from '#db/queries/candidate-profiles.ts'
import { deleteCandidateAccount } from '#db/queries/personal-data.ts'
import type { CandidateProfileTable } from '#db/schema.ts'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { indexProfile } from '../embedded/profile-index.ts'
import { useDataset, type EngineFactory } from './harness.ts'

const NOW = new Date('2026-11-22T10:00:00Z')
const CALAIS = '62193'
const BOULOGNE = '62160'
const DUNKERQUE = '59183'
const LILLE = '59350'

async function seedMatches(db: DB) {
  const ids: Record<string, number> = {}
  const company = await createTestCompany(db, { commune_insee: CALAIS })
  const offer = async (key: string, fields: Omit<Parameters<typeof createTestOffer>[1], 'companyId'>) => {
    ids[key] = (await createTestOffer(db, { companyId: company.id, published_at: NOW.toISOString(), ...fields })).id
  }
  await offer('phpAlternance', { title: 'Développeur·se PHP en alternance', contract_type: 'alternance', experience_level: 'entry',
    skills: [{ slug: 'php', required: true }, { slug: 'symfony', required: true }, { slug: 'mysql', required: false }] })
  await offer('seniorJava', { title: 'Architecte Java', commune_insee: DUNKERQUE, experience_level: 'senior',
    skills: [{ slug: 'java', required: true }, { slug: 'spring', required: true }] })
  await offer('lilleOnSite', { title: 'Développeur PHP sur site', commune_insee: LILLE, remote_policy: 'on_site', skills: [{ slug: 'php', required: true }] })
  await offer('lilleRemote', { title: 'Développeur PHP à distance', commune_insee: LILLE, remote_policy: 'full_remote', skills: [{ slug: 'php', required: true }] })
  await offer('draftPhp', { title: 'Brouillon PHP', status: 'draft', skills: [{ slug: 'php', required: true }] })
  await offer('expiredPhp', { title: 'PHP expirée', published_at: '2026-06-01T00:00:00Z', expires_at: '2026-08-01T00:00:00Z',
    skills: [{ slug: 'php', required: true }] })

  const candidate = async (key: string, input: Parameters<typeof createTestCandidate>[1]) => {
    ids[key] = (await createTestCandidate(db, input)).id
  }
  await candidate('strong', { visibility: 'verified_recruiters', communeInsee: CALAIS,
    skills: [{ slug: 'php', level: 4 }, { slug: 'symfony', level: 4 }, { slug: 'mysql', level: 3 }] })
  // Laravel is related to PHP and Symfony: a partial match.
  await candidate('related', { visibility: 'verified_recruiters', communeInsee: BOULOGNE, skills: [{ slug: 'laravel', level: 2 }] })
  await candidate('private', { visibility: 'private', communeInsee: CALAIS, skills: [{ slug: 'php', level: 4 }, { slug: 'symfony', level: 4 }] })
  await candidate('javaOnly', { visibility: 'verified_recruiters', communeInsee: CALAIS, skills: [{ slug: 'java', level: 4 }] })
  await candidate('far', { visibility: 'verified_recruiters', communeInsee: LILLE, skills: [{ slug: 'php', level: 4 }, { slug: 'symfony', level: 4 }] })
  await candidate('slam', { communeInsee: CALAIS, skills: [{ slug: 'php', level: 3 }, { slug: 'symfony', level: 2 }, { slug: 'sql', level: 3 }] })
  // Profile edits, as the profile form writes them: with the index, in one transaction.
  const edit = (key: string, fields: Updateable<CandidateProfileTable>) =>
    db.transaction().execute(async (trx) => {
      await trx.updateTable('candidate_profiles').set(fields).where('user_id', '=', ids[key]!).execute()
      await indexProfile(trx, ids[key]!)
    })
  await edit('far', { mobility_km: 10 })
  // Boulogne is 34 km from Calais: within a 40 km radius (beyond the radius is excluded, decision 014).
  await edit('related', { mobility_km: 40 })
  await edit('slam', { contract_types: JSON.stringify(['alternance']), mobility_km: 20, graduation_year: 2026, degree_level: 'bac2' })
  return ids
}

/** Matches between offers and candidates: consent decides who is seen, the scorer decides the order. */
export function matchingContract(factory: EngineFactory) {
  describe('matches', () => {
    const data = useDataset(factory, seedMatches)
    const files = mkdtempSync(path.join(tmpdir(), 'passerelle-contract-files-'))
    afterAll(() => rmSync(files, { recursive: true, force: true }))
    const candidates = async (offer: string, limit = 20) =>
      (await data.under.engine.candidatesForOffer(data.rows[offer]!, { limit, now: NOW })).map((m) => m.userId)
    const offers = async (user: string) => (await data.under.engine.offersForCandidate(data.rows[user]!, { limit: 10, now: NOW })).map((m) => m.offerId)

    describe('candidates for an offer', () => {
      it('are consenting candidates holding a wanted or related skill within reach, best score first', async () => {
        const { rows } = data
        expect(await candidates('phpAlternance')).toEqual([rows.strong, rows.related])
        const [best] = await data.under.engine.candidatesForOffer(rows.phpAlternance!, { limit: 1, now: NOW })
        expect(best!.reasons.requiredMet).toEqual(['PHP', 'Symfony'])
        // A private profile never reaches the index at all, whichever engine.
        const indexed = await data.under.indexedIds('profile')
        for (const consenting of ['strong', 'related', 'javaOnly', 'far']) expect(indexed).toContain(rows[consenting])
        for (const hidden of ['private', 'slam']) expect(indexed).not.toContain(rows[hidden])
      })

      it('lose a candidate who withdraws consent at once, and find them again when they consent again', async () => {
        const { rows, database, under } = data
        await setOwnVisibility(database.db, rows.strong!, false, NOW)
        await under.afterWrite()
        expect(await candidates('phpAlternance')).toEqual([rows.related])
        // Gone from the index itself, not only hidden by the database when the hits are read.
        expect(await under.indexedIds('profile')).not.toContain(rows.strong)
        await setOwnVisibility(database.db, rows.strong!, true, NOW)
        await under.afterWrite()
        expect(await candidates('phpAlternance')).toEqual([rows.strong, rows.related])
        expect(await under.indexedIds('profile')).toContain(rows.strong)
      })

      it('lose a deleted account', async () => {
        const { database, under } = data
        const leaving = await createTestCandidate(database.db, { visibility: 'verified_recruiters', communeInsee: CALAIS,
          skills: [{ slug: 'php', level: 4 }, { slug: 'symfony', level: 4 }] })
        await under.afterWrite()
        expect(await candidates('phpAlternance')).toContain(leaving.id)
        expect(await under.indexedIds('profile')).toContain(leaving.id)
        expect(await deleteCandidateAccount(database.db, createFileStore(files), leaving.id, NOW)).toBe(true)
        await under.afterWrite()
        expect(await candidates('phpAlternance')).not.toContain(leaving.id)
        expect(await under.indexedIds('profile')).not.toContain(leaving.id)
      })

      it('are none for an offer that is not published, which is not in the index either', async () => {
        expect(await candidates('draftPhp')).toEqual([])
        expect(await data.under.indexedIds('offer')).not.toContain(data.rows.draftPhp)
      })
    })

    describe('offers for a candidate', () => {
      it('put the best match first, and never a draft, an expired offer, or an on-site job beyond reach', async () => {
        const { rows } = data
        // The candidate's profile is private: candidates see their own matches whatever their visibility.
        const found = await data.under.engine.offersForCandidate(rows.slam!, { limit: 10, now: NOW })
        const ids = found.map((m) => m.offerId)
        // An apprenticeship seeker is shown apprenticeships only (decision 014): not the CDIs, remote or not.
        expect(ids).toEqual([rows.phpAlternance])
        // Someone who named no contract is shown the full-remote job in Lille, not the on-site one beyond reach.
        const strong = await offers('strong')
        expect(strong).toContain(rows.lilleRemote)
        for (const never of ['lilleOnSite', 'draftPhp', 'expiredPhp', 'seniorJava']) expect(strong).not.toContain(rows[never])
        expect(found[0]!.reasons.contract).toEqual({ type: 'alternance', wished: true })
        expect(found[0]!.reasons.distanceKm).toBe(0)
      })

      it('are none for a candidate without skills, rather than every offer', async () => {
        const blank = await createTestCandidate(data.database.db)
        await data.under.afterWrite()
        expect(await data.under.engine.offersForCandidate(blank.id, { limit: 10, now: NOW })).toEqual([])
        // A beginner holding Java is not shown a senior architect's job (two levels above: decision 014).
        expect(await offers('javaOnly')).toEqual([])
      })
    })
  })
}

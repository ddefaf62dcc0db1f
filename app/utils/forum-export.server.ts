import type { listScheduleForExport, listWishesForExport } from '#db/queries/forum-exports.ts'
import { applicantName, trainingOf } from './applicant.ts'
import { slotStart } from './forum-slots.ts'
import type { Sheet } from './xlsx.server.ts'

/**
 * The two views of a forum an organiser takes away, as plain tables that the
 * CSV and the XLSX exports share: the schedule, and the match list (per
 * company, its candidates ranked by score, with who wished to meet whom).
 */
type ScheduleRow = Awaited<ReturnType<typeof listScheduleForExport>>[number]
type WishRow = Awaited<ReturnType<typeof listWishesForExport>>[number]
type ForumDay = { opens_at: string; closes_at: string; slot_minutes: number }

const nameOf = (r: { candidate_id: number; first_name: string; last_name: string }) => applicantName(r)

export function scheduleSheet(forum: ForumDay, rows: ScheduleRow[]): Sheet {
  return {
    name: 'Planning',
    header: ['Entreprise', 'Table', 'Heure', 'Candidat·e', 'E-mail', 'Formation', 'Score', 'Offre'],
    rows: rows.map((r) => [r.company_name, r.table_no, slotStart(forum, r.slot_no), nameOf(r), r.email, trainingOf(r), r.score,
      r.offer_title ?? '']),
    widths: [28, 7, 8, 26, 30, 40, 7, 32],
  }
}

type Pair = {
  companyId: number; companyName: string; candidateId: number; name: string; email: string; training: string
  score: number | null; slot: string; byCompany: boolean; byCandidate: boolean
}

export function matchSheet(forum: ForumDay, interviews: ScheduleRow[], wishes: WishRow[]): Sheet {
  const pairs = new Map<string, Pair>()
  const pairOf = (r: ScheduleRow | WishRow) => {
    const key = `${r.company_id}:${r.candidate_id}`
    let pair = pairs.get(key)
    if (!pair) {
      pair = { companyId: r.company_id, companyName: r.company_name, candidateId: r.candidate_id, name: nameOf(r), email: r.email,
        training: trainingOf(r), score: null, slot: '', byCompany: false, byCandidate: false }
      pairs.set(key, pair)
    }
    return pair
  }
  for (const r of interviews) Object.assign(pairOf(r), { score: r.score, slot: `${slotStart(forum, r.slot_no)}, table ${r.table_no}` })
  for (const w of wishes) pairOf(w)[w.by === 'company' ? 'byCompany' : 'byCandidate'] = true

  // Scores first (the schedule's are the matcher's), then pairs both sides asked for, then by name.
  const wishCount = (p: Pair) => Number(p.byCompany) + Number(p.byCandidate)
  const sorted = [...pairs.values()].sort((a, b) =>
    a.companyName.localeCompare(b.companyName, 'fr') || a.companyId - b.companyId ||
    (b.score ?? -1) - (a.score ?? -1) || wishCount(b) - wishCount(a) || a.name.localeCompare(b.name, 'fr'))
  const rank = new Map<number, number>()
  return {
    name: 'Correspondances',
    header: ['Entreprise', 'Rang', 'Candidat·e', 'E-mail', 'Formation', 'Score', 'Souhait de l’entreprise',
      'Souhait du candidat ou de la candidate', 'Entretien'],
    rows: sorted.map((p) => {
      rank.set(p.companyId, (rank.get(p.companyId) ?? 0) + 1)
      return [p.companyName, rank.get(p.companyId)!, p.name, p.email, p.training, p.score, p.byCompany ? 'Oui' : 'Non',
        p.byCandidate ? 'Oui' : 'Non', p.slot || 'Non planifié']
    }),
    widths: [28, 6, 26, 30, 40, 7, 12, 14, 18],
  }
}

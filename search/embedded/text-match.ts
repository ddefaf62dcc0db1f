import type SQLite from 'better-sqlite3'
import { CONTRACT_TYPES, REMOTE_POLICIES } from '#db/domain.ts'
import type { OfferStore } from './offer-store.ts'
import { boundedDistance } from '../text.ts'
import { ftsExpression, type Group, type TextPlan } from './text-query.ts'

/**
 * Fewer offers than this holding every word (with relevance order), and the
 * query is relaxed: decision 001, "Relaxation".
 */
export const RELAX_BELOW = 10

/** Above any offer count: a role noun's weight when relaxing, so it goes before the field words. */
const ROLE_WEIGHT = 2 ** 40

/** The query's groups kept at each level of relaxation, each result's level (0: every word), and the slots the last level matches. */
export type Relaxation = { levels: Group[][]; levelOf: Uint8Array; lastSlots: Int32Array }

/**
 * Which stored offers a query's words match. Words go to FTS5 as one
 * expression; a word naming a contract or remote policy ("alternance",
 * "télétravail") also matches the offers of that kind, read from the store.
 */
export class TextMatcher {
  private readonly match: SQLite.Statement<[string], string>
  private readonly count: SQLite.Statement<[string], number>
  private readonly any: SQLite.Statement<[string], number>
  private readonly prefixMatch: SQLite.Statement<[string, string], number>
  private readonly exactOffers: SQLite.Statement<[string], number>

  constructor(sqlite: SQLite.Database, private readonly store: () => OfferStore) {
    // One JSON array for the whole match: no per-row round trip into JavaScript.
    this.match = sqlite.prepare<[string], string>('select json_group_array(rowid) from offers_fts where offers_fts match ?').pluck()
    this.count = sqlite.prepare<[string], number>('select count(*) from offers_fts where offers_fts match ?').pluck()
    this.any = sqlite.prepare<[string], number>('select rowid from offers_fts where offers_fts match ? limit 1').pluck()
    this.prefixMatch = sqlite.prepare<[string, string], number>('select rowid from offers_fts_vocab where term >= ? and term < ? limit 1').pluck()
    this.exactOffers = sqlite.prepare<[string], number>('select doc from offers_fts_vocab where term = ?').pluck()
  }

  /** Slots of the stored offers matching every group. */
  slots(groups: Group[], withTypos: boolean): Int32Array {
    const plain = groups.filter((g) => !g.kinds)
    const kinds = groups.filter((g) => g.kinds)
    let slots = plain.length > 0 ? this.ftsSlots(ftsExpression(plain, withTypos)!) : null
    for (const group of kinds) slots = this.withKind(group, withTypos, slots)
    return slots ?? new Int32Array(0)
  }

  /** Whether any offer matches every group. */
  some(groups: Group[], withTypos: boolean): boolean {
    if (groups.some((g) => g.kinds)) return this.slots(groups, withTypos).length > 0
    return this.any.get(ftsExpression(groups, withTypos)!) !== undefined
  }

  /**
   * Meilisearch's matching strategy "frequency", after the words no offer
   * holds: the word found in the most offers goes first, then the next, while one is left; each result's level
   * is how many words it lacks in that order. Its results are the offers
   * matching the last word left (levelOf < 255).
   */
  relax(groups: Group[], everyWord: Int32Array): Relaxation | null {
    if (groups.length < 2) return null
    const frequency = groups.map((g) => (g.kinds ? this.slots([g], true).length : this.count.get(ftsExpression([g], true)!) ?? 0))
    // A word no offer holds goes first ("product ower"): kept, it would leave nothing to find.
    // Then the most frequent first; between equals, the later word (decision 001, "Relaxation").
    // Then a job title's head noun ("ingénieur web": web jobs before any engineer's).
    const weight = frequency.map((f, i) => (f === 0 ? Infinity : groups[i]!.role ? ROLE_WEIGHT + f : f))
    const dropOrder = groups.map((_, i) => i).sort((a, b) => (weight[b]! === weight[a]! ? b - a : weight[b]! > weight[a]! ? 1 : -1))
    const levels = dropOrder.map((_, level) => groups.filter((_, i) => !dropOrder.slice(0, level).includes(i)))
    const levelOf = new Uint8Array(this.store().length).fill(255)
    let lastSlots = everyWord
    for (let level = levels.length - 1; level >= 1; level--) {
      const slots = this.slots(levels[level]!, true)
      if (level === levels.length - 1) lastSlots = slots
      for (const slot of slots) levelOf[slot] = level
    }
    for (const slot of everyWord) levelOf[slot] = 0
    return { levels, levelOf, lastSlots }
  }

  /**
   * The query with each word no offer holds replaced by its likeliest
   * correction, when there is one: "Vouliez-vous dire". A last word being
   * typed is not a typo while it begins an indexed word.
   */
  correctedText(plan: TextPlan): string | null {
    let corrected = false
    const words = plan.groups.map((group) => {
      if (!group.correction) return group.source
      const typing = group.exact.some((a) => a.prefix)
      if (typing && this.prefixMatch.get(group.source, `${group.source}\uffff`) !== undefined) return group.source
      // The closest correction, the one most offers hold now among equals (the typo vocabulary may
      // still list a word no offer holds any more).
      let best: { word: string; distance: number; offers: number } | null = null
      for (const typo of group.typos) {
        const word = typo.tokens[0]!
        const offers = this.exactOffers.get(word) ?? 0
        const distance = boundedDistance(group.source, word, 2)
        if (offers > 0 && (!best || distance < best.distance || (distance === best.distance && offers > best.offers))) best = { word, distance, offers }
      }
      if (!best) return group.source
      corrected = true
      return best.word
    })
    return corrected ? words.join(' ') : null
  }

  /** The offers (among `within`, when given) the group's words match or whose contract or remote policy it names. */
  private withKind(group: Group, withTypos: boolean, within: Int32Array | null): Int32Array {
    const store = this.store()
    const mark = new Uint8Array(store.length)
    for (const slot of this.ftsSlots(ftsExpression([group], withTypos)!)) mark[slot] = 1
    // Lookup tables by code (one more remote code: unstated, offer-store.ts), for a pass over every offer.
    const contracts = Uint8Array.from(CONTRACT_TYPES, (c) => (group.kinds!.contracts.includes(c) ? 1 : 0))
    const remote = Uint8Array.from([...REMOTE_POLICIES, null], (r) => (r && group.kinds!.remote.includes(r) ? 1 : 0))
    const { live, contract, remote: remoteOf } = store
    for (let slot = 0; slot < store.length; slot++) {
      if (live[slot] && (contracts[contract[slot]!] === 1 || remote[remoteOf[slot]!] === 1)) mark[slot] = 1
    }
    if (within) return within.filter((slot) => mark[slot] === 1)
    const slots: number[] = []
    for (let slot = 0; slot < mark.length; slot++) if (mark[slot]) slots.push(slot)
    return Int32Array.from(slots)
  }

  /** Slots of the stored offers an FTS5 expression matches. */
  private ftsSlots(expression: string): Int32Array {
    const store = this.store()
    const ids = JSON.parse(this.match.get(expression) ?? '[]') as number[]
    const slots = new Int32Array(ids.length)
    let n = 0
    for (let k = 0; k < ids.length; k++) {
      const slot = store.slotOf(ids[k]!)
      if (slot >= 0) slots[n++] = slot
    }
    return slots.subarray(0, n)
  }
}

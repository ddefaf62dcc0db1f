import { type PreparedInstance, ScheduleInputError } from './schedule-instance.ts'

/**
 * Who sits where: a grid of (table, slot) and one of (candidate, slot), each
 * cell holding a pair index or -1. Placing through this class is the only way
 * to book, and it refuses a double booking, so every schedule built on it is
 * conflict-free by construction.
 */
export class Timetable {
  readonly atTable: Int32Array
  readonly atCandidate: Int32Array
  readonly candidateCount: Int32Array
  readonly tableCount: Int32Array
  readonly pairTable: Int32Array
  readonly pairSlot: Int32Array
  readonly pinned: Uint8Array
  readonly #S: number

  constructor(readonly instance: PreparedInstance) {
    const S = (this.#S = instance.slots)
    this.atTable = new Int32Array(instance.totalTables * S).fill(-1)
    this.atCandidate = new Int32Array(instance.candidateIds.length * S).fill(-1)
    this.candidateCount = new Int32Array(instance.candidateIds.length)
    this.tableCount = new Int32Array(instance.totalTables)
    const P = instance.pairValue.length
    this.pairTable = new Int32Array(P).fill(-1)
    this.pairSlot = new Int32Array(P).fill(-1)
    this.pinned = new Uint8Array(P)
  }

  /** Places the pins first; a pin that cannot be honoured is the organiser's conflict to resolve. */
  placePins(): void {
    const { instance } = this
    for (const pin of instance.pins) {
      const k = instance.pairCandidate[pin.pair]!
      const companyId = instance.companyIds[instance.pairCompany[pin.pair]!]
      const candidateId = instance.candidateIds[k]
      if (this.pairTable[pin.pair]! >= 0) throw new ScheduleInputError(`Entretien épinglé en double : entreprise ${companyId}, candidat ${candidateId}.`)
      if (!this.tableFree(pin.table, pin.slot)) throw new ScheduleInputError(`Deux entretiens épinglés à la même table et au même créneau (entreprise ${companyId}, créneau ${pin.slot}).`)
      if (!this.candidateFree(k, pin.slot)) throw new ScheduleInputError(`Le candidat ${candidateId} a deux entretiens épinglés au créneau ${pin.slot}.`)
      if (this.candidateCount[k]! >= instance.candidateCap[k]!) throw new ScheduleInputError(`Le candidat ${candidateId} a plus d’entretiens épinglés que son maximum.`)
      this.place(pin.pair, pin.table, pin.slot)
      this.pinned[pin.pair] = 1
    }
  }

  tableFree(table: number, slot: number): boolean {
    return this.atTable[table * this.#S + slot] === -1
  }

  candidateFree(candidate: number, slot: number): boolean {
    return this.atCandidate[candidate * this.#S + slot] === -1
  }

  isPlaced(pair: number): boolean {
    return this.pairTable[pair]! >= 0
  }

  /** Whether the candidate still has room and the pair is not booked yet. */
  canTake(pair: number): boolean {
    const k = this.instance.pairCandidate[pair]!
    return !this.isPlaced(pair) && this.candidateCount[k]! < this.instance.candidateCap[k]!
  }

  place(pair: number, table: number, slot: number): void {
    const S = this.#S
    const k = this.instance.pairCandidate[pair]!
    if (this.instance.tableCompany[table] !== this.instance.pairCompany[pair]) throw new Error('Timetable: table of another company')
    if (this.isPlaced(pair) || !this.tableFree(table, slot) || !this.candidateFree(k, slot)) throw new Error('Timetable: double booking')
    this.atTable[table * S + slot] = pair
    this.atCandidate[k * S + slot] = pair
    this.pairTable[pair] = table
    this.pairSlot[pair] = slot
    this.candidateCount[k]!++
    this.tableCount[table]!++
  }

  unplace(pair: number): void {
    const S = this.#S
    const table = this.pairTable[pair]!
    const slot = this.pairSlot[pair]!
    const k = this.instance.pairCandidate[pair]!
    this.atTable[table * S + slot] = -1
    this.atCandidate[k * S + slot] = -1
    this.pairTable[pair] = -1
    this.pairSlot[pair] = -1
    this.candidateCount[k]!--
    this.tableCount[table]!--
  }

  /** First slot where both the table and the candidate are free, or -1. */
  firstCommonFreeSlot(table: number, candidate: number): number {
    for (let s = 0; s < this.#S; s++) if (this.tableFree(table, s) && this.candidateFree(candidate, s)) return s
    return -1
  }

  /** The company's tables, emptiest first: spreads interviews and keeps room for recolouring. */
  tablesOf(company: number): number[] {
    const first = this.instance.tableOffset[company]!
    const tables = Array.from({ length: this.instance.tableCount[company]! }, (_, t) => first + t)
    return tables.sort((a, b) => this.tableCount[a]! - this.tableCount[b]! || a - b)
  }
}

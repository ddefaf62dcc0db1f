/**
 * Keeps a down engine from costing a timeout on every request: after a
 * failure the breaker stays open for `openMs` (callers skip the engine), then
 * lets a single trial call through; its success closes the breaker, its
 * failure opens it again.
 */
export class CircuitBreaker {
  private openUntil = 0
  private trialRunning = false

  constructor(
    private readonly openMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get isOpen(): boolean {
    return this.openUntil > 0
  }

  /** Whether this call may go to the engine; while half-open, only one call at a time does. */
  allows(): boolean {
    if (this.openUntil === 0) return true
    if (this.now() < this.openUntil || this.trialRunning) return false
    this.trialRunning = true
    return true
  }

  succeeded(): void {
    this.openUntil = 0
    this.trialRunning = false
  }

  /** Opens (or keeps open) the breaker; true when it was closed until now. */
  failed(): boolean {
    const wasClosed = this.openUntil === 0
    this.openUntil = this.now() + this.openMs
    this.trialRunning = false
    return wasClosed
  }
}

import { vi } from 'vitest'

/**
 * Driving the relay through virtual time (tests only, with vitest's fake
 * setTimeout): every promise callback runs before time moves, then time jumps
 * to the next timer. Deterministic, and independent of the machine's load.
 */

/** One real turn of the event loop: every pending promise callback runs, virtual time does not move. */
export function settlePromises(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** Moves virtual time forward, timer after timer, until the promise settles. */
export async function runToCompletion<T>(promise: Promise<T>): Promise<T> {
  let done = false
  promise.then(
    () => (done = true),
    () => (done = true),
  )
  for (;;) {
    await settlePromises()
    if (done) return promise
    if (vi.getTimerCount() === 0) throw new Error('The promise waits for something that no timer will bring')
    await vi.advanceTimersToNextTimerAsync()
  }
}

/** Moves virtual time forward by `ms`, in small steps, letting promise callbacks run at each. */
export async function advanceBy(ms: number, stepMs = 100): Promise<void> {
  for (let elapsed = 0; elapsed < ms; elapsed += stepMs) {
    await settlePromises()
    await vi.advanceTimersByTimeAsync(Math.min(stepMs, ms - elapsed))
  }
  await settlePromises()
}

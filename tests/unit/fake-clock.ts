// A simulated clock for the propagation tracker (its tests and the bench): timers fire in time order as it advances.
import type { Clock } from '../../src/main/core/propagation'

const MAX_FIRES = 1_000_000

export class FakeClock implements Clock {
  private t: number
  private seq = 0
  private readonly timers = new Map<number, { at: number; fn: () => void }>()

  constructor(start: number) {
    this.t = start
  }

  now(): number {
    return this.t
  }

  setTimeout(fn: () => void, ms: number): unknown {
    this.seq += 1
    this.timers.set(this.seq, { at: this.t + ms, fn })
    return this.seq
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number)
  }

  pending(): number {
    return this.timers.size
  }

  /** Fires every timer due up to now + ms, letting each one's async work finish before the next. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms
    for (let fired = 0; fired < MAX_FIRES; fired += 1) {
      let next: [number, { at: number; fn: () => void }] | undefined
      for (const timer of this.timers) if (timer[1].at <= end && (!next || timer[1].at < next[1].at)) next = timer
      if (!next) break
      this.timers.delete(next[0])
      this.t = Math.max(this.t, next[1].at)
      next[1].fn()
      await settle()
    }
    this.t = end
    await settle()
  }
}

/** Lets chained promises of a fired timer run to the end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve))
}

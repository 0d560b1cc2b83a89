// The one timer of the propagation scheduler, pointed at the earliest moment any record needs attention.
import type { Clock } from '../ports'

export class Alarm {
  private timer: { readonly handle: unknown; readonly at: number } | null = null

  constructor(
    private readonly clock: Clock,
    private readonly fire: () => void,
  ) {}

  /** Fires at `at` (Infinity: never), replacing any earlier setting. */
  set(at: number): void {
    if (this.timer?.at === at) return
    this.clear()
    if (at === Infinity) return
    this.timer = { at, handle: this.clock.setTimeout(() => this.fired(), Math.max(0, at - this.clock.now())) }
  }

  clear(): void {
    if (this.timer) this.clock.clearTimeout(this.timer.handle)
    this.timer = null
  }

  private fired(): void {
    this.timer = null
    this.fire()
  }
}

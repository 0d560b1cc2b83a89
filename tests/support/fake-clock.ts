// A simulated clock for the core's tests and the bench: timers fire in time order (a heap) as it advances; no sleeps.
import type { Clock } from '../../src/main/core/ports'

const MAX_FIRES = 1_000_000

interface Timer {
  readonly at: number
  readonly seq: number
  readonly fn: () => void
}

export class FakeClock implements Clock {
  private t: number
  private seq = 0
  private readonly heap: Timer[] = []
  /** Timers set and neither fired nor cleared. */
  private readonly live = new Set<number>()

  constructor(start: number) {
    this.t = start
  }

  now(): number {
    return this.t
  }

  setTimeout(fn: () => void, ms: number): unknown {
    this.seq += 1
    this.push({ at: this.t + Math.max(0, ms), seq: this.seq, fn })
    this.live.add(this.seq)
    return this.seq
  }

  clearTimeout(handle: unknown): void {
    this.live.delete(handle as number)
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.setTimeout(resolve, ms)
    })
  }

  pending(): number {
    return this.live.size
  }

  /** Fires every timer due up to now + ms, letting each one's async work finish before the next. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms
    for (let fired = 0; fired < MAX_FIRES; fired += 1) {
      const next = this.heap[0]
      if (!next || next.at > end) break
      this.pop()
      if (!this.live.delete(next.seq)) continue
      this.t = Math.max(this.t, next.at)
      next.fn()
      await settle()
    }
    this.t = end
    await settle()
  }

  private push(timer: Timer): void {
    const h = this.heap
    h.push(timer)
    for (let i = h.length - 1; i > 0;) {
      const parent = (i - 1) >> 1
      if (!before(h[i], h[parent])) break
      ;[h[i], h[parent]] = [h[parent], h[i]]
      i = parent
    }
  }

  private pop(): void {
    const h = this.heap
    const last = h.pop()
    if (!last || h.length === 0) return
    h[0] = last
    for (let i = 0; ;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < h.length && before(h[l], h[m])) m = l
      if (r < h.length && before(h[r], h[m])) m = r
      if (m === i) break
      ;[h[i], h[m]] = [h[m], h[i]]
      i = m
    }
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq)
}

/** Lets chained promises of a fired timer run to the end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve))
}

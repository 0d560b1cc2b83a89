// The one clock for relative times and countdowns: one timer per pace, shared by every subscriber and stopped when
// none is left, so rows do not each run a timer.
import { useSyncExternalStore } from 'react'

/** 'minute' suits "3 min ago" (ticks every 15 s); 'second' suits a countdown. */
export type Pace = 'minute' | 'second'

const TICK_MS: Readonly<Record<Pace, number>> = { minute: 15_000, second: 1_000 }

interface Clock {
  now: number
  timer: ReturnType<typeof setInterval> | null
  readonly listeners: Set<() => void>
}

const clocks: Record<Pace, Clock> = {
  minute: { now: Date.now(), timer: null, listeners: new Set() },
  second: { now: Date.now(), timer: null, listeners: new Set() },
}

const subscribers: Record<Pace, (l: () => void) => () => void> = {
  minute: (l) => subscribe('minute', l),
  second: (l) => subscribe('second', l),
}
const readers: Record<Pace, () => number> = { minute: () => clocks.minute.now, second: () => clocks.second.now }

function subscribe(pace: Pace, l: () => void): () => void {
  const c = clocks[pace]
  c.listeners.add(l)
  if (!c.timer) {
    c.now = Date.now()
    c.timer = setInterval(() => {
      c.now = Date.now()
      for (const fn of c.listeners) fn()
    }, TICK_MS[pace])
  }
  return () => {
    c.listeners.delete(l)
    if (c.listeners.size === 0 && c.timer) {
      clearInterval(c.timer)
      c.timer = null
    }
  }
}

/** Epoch ms, re-rendering at the pace asked; `active` false falls back to the minute pace (nothing to count down). */
export function useNow(pace: Pace = 'minute', active = true): number {
  const p = active ? pace : 'minute'
  return useSyncExternalStore(subscribers[p], readers[p])
}

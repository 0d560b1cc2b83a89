// One shared clock for relative times and countdowns, so rows do not each run a timer.
import { useSyncExternalStore } from 'react'

const listeners = new Set<() => void>()
let now = Date.now()
let timer: ReturnType<typeof setInterval> | null = null
const TICK_MS = 15_000

function subscribe(l: () => void): () => void {
  listeners.add(l)
  if (!timer) now = Date.now()
  timer ??= setInterval(() => {
    now = Date.now()
    for (const fn of listeners) fn()
  }, TICK_MS)
  return () => {
    listeners.delete(l)
    if (listeners.size === 0 && timer) {
      clearInterval(timer)
      timer = null
    }
  }
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now)
}

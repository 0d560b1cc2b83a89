// A 1 s clock for countdowns, shared by every subscriber and stopped when none is left.
import { useSyncExternalStore } from 'react'

const listeners = new Set<() => void>()
let now = Date.now()
let timer: ReturnType<typeof setInterval> | null = null

function subscribe(l: () => void): () => void {
  listeners.add(l)
  if (!timer) {
    now = Date.now()
    timer = setInterval(() => {
      now = Date.now()
      for (const fn of listeners) fn()
    }, 1000)
  }
  return () => {
    listeners.delete(l)
    if (listeners.size === 0 && timer) {
      clearInterval(timer)
      timer = null
    }
  }
}

const noSubscribe = (): (() => void) => () => undefined

/** `active` false: no timer at all (most rows have nothing counting down). */
export function useSecondTicker(active: boolean): number {
  return useSyncExternalStore(active ? subscribe : noSubscribe, () => (active ? now : 0))
}

// One clock for every time-dependent behaviour, so tests can move time instead of waiting for it.

export interface Clock {
  /** Epoch milliseconds: real time plus the offset. */
  now(): number
  offsetSeconds(): number
  advance(seconds: number): void
  setOffset(seconds: number): void
}

export function createClock(): Clock {
  let offsetMs = 0
  return {
    now: () => Date.now() + offsetMs,
    offsetSeconds: () => offsetMs / 1000,
    advance: (seconds) => {
      offsetMs += Math.round(seconds * 1000)
    },
    setOffset: (seconds) => {
      offsetMs = Math.round(seconds * 1000)
    },
  }
}

/** `2023-10-31T03:15:27.123Z` */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString()
}

/** `2023-08-21T03:12:44Z` (RFC 3339 without fractions, as Onqlave writes it) */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

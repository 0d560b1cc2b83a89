// Summaries of repeated measurements: the median is the figure, the spread says how much to trust it.

export interface Summary {
  readonly runs: number
  readonly median: number
  readonly min: number
  readonly max: number
  /** (max − min) ÷ median, so noisy rows are visible at a glance. */
  readonly spread: number
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { runs: 0, median: Number.NaN, min: Number.NaN, max: Number.NaN, spread: Number.NaN }
  const sorted = [...values].sort((a, b) => a - b)
  const median = quantile(sorted, 0.5)
  const min = sorted[0] ?? Number.NaN
  const max = sorted[sorted.length - 1] ?? Number.NaN
  return { runs: values.length, median, min, max, spread: median === 0 ? 0 : (max - min) / median }
}

/** Linear interpolation between closest ranks; `sorted` ascending. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  const a = sorted[lo] ?? Number.NaN
  const b = sorted[hi] ?? Number.NaN
  return a + (b - a) * (pos - lo)
}

export function percentile(values: readonly number[], p: number): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    p / 100,
  )
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

// What every row of the bench reports.
import type { Summary } from './stats'

export interface RowResult {
  readonly id: number
  readonly title: string
  /** The judged figure (a median unless the row says otherwise). */
  readonly figure: number
  readonly unit: string
  /** The limit the figure must stay at or under. */
  readonly target: number
  readonly pass: boolean
  readonly summary: Summary
  /** Raw inputs to the figure and anything else worth keeping in results.json. */
  readonly detail: Readonly<Record<string, unknown>>
}

export const RUNS = 5

export function result(
  id: number,
  title: string,
  unit: string,
  target: number,
  figure: number,
  summary: Summary,
  detail: Readonly<Record<string, unknown>> = {},
  extraPass = true,
): RowResult {
  return {
    id,
    title,
    figure,
    unit,
    target,
    pass: Number.isFinite(figure) && figure <= target && extraPass,
    summary,
    detail,
  }
}

// What every row of the bench reports.
import type { Summary } from './stats'

/** pass/FAIL against the target; `n/a` when what the row measures is not built yet; `report` rows have no target. */
export type Verdict = 'pass' | 'FAIL' | 'n/a' | 'report'

export interface RowResult {
  readonly id: string
  readonly title: string
  /** The judged figure (a median unless the row says otherwise). */
  readonly figure: number
  readonly unit: string
  /** The limit the figure must stay at or under; NaN for a row that only reports. */
  readonly target: number
  readonly verdict: Verdict
  readonly summary: Summary
  /** Raw inputs to the figure and anything else worth keeping in results.json. */
  readonly detail: Readonly<Record<string, unknown>>
}

/** The fewest measured runs behind any figure (the rule: median of at least five, with the spread). */
export const RUNS = 5

export interface Judged {
  readonly id: string
  readonly title: string
  readonly unit: string
  readonly target: number
  readonly figure: number
  readonly summary: Summary
  readonly detail?: Readonly<Record<string, unknown>>
  /** A second condition of the row (a spread limit, no early reads…); the row fails when it is false. */
  readonly also?: boolean
}

export function result(j: Judged): RowResult {
  const pass = Number.isFinite(j.figure) && j.figure <= j.target && j.summary.runs >= RUNS && (j.also ?? true)
  return {
    id: j.id,
    title: j.title,
    figure: j.figure,
    unit: j.unit,
    target: j.target,
    verdict: pass ? 'pass' : 'FAIL',
    summary: j.summary,
    detail: j.detail ?? {},
  }
}

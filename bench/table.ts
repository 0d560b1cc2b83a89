// The printed table and results.json.
import type { RowResult } from './row'
import { round } from './stats'

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length)
}

const VERDICT: Record<RowResult['verdict'], string> = { pass: 'PASS', FAIL: 'FAIL', 'n/a': 'n/a', report: 'report' }

export function formatTable(rows: readonly RowResult[]): string {
  const head = ['#', 'measurement', 'figure', 'target', 'runs, min–max (spread)', 'result']
  const body = rows.map((r) => [
    r.id,
    r.title,
    `${fmt(r.figure)} ${r.unit}`.trim(),
    Number.isFinite(r.target) ? `≤ ${fmt(r.target)} ${r.unit}`.trim() : '—',
    r.summary.runs
      ? `${r.summary.runs}, ${fmt(r.summary.min)}–${fmt(r.summary.max)} (${Math.round(r.summary.spread * 100)} %)`
      : '—',
    VERDICT[r.verdict],
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)))
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => pad(c, widths[i] ?? 0)).join(' | ')} |`
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return 'n/a'
  return String(Math.abs(n) >= 100 ? round(n, 0) : Math.abs(n) >= 10 ? round(n, 1) : round(n, 3))
}

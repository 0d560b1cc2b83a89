// What a command prints: JSON for scripts on stdout (--json), tables for people, words and progress on stderr.
// Nothing printed carries a service's control characters to a terminal (src/shared/printable.ts): words for people
// show them as visible escapes, JSON as its own \u escapes, which keep the values exact for programs.
import { NAME_MAX, nameLength } from '../shared/limits'
import { printable, printableJson } from '../shared/printable'

export interface Out {
  readonly json: boolean
  /**
   * The command's result: JSON with --json, otherwise the human rendering. `verbatim`: the rendering is for a program
   * (export lines for eval), kept exact when it does not go to a terminal.
   */
  result(value: unknown, human: () => string, verbatim?: boolean): void
  /** A note for the person at the terminal; stderr, so it never mixes with results. */
  note(line: string): void
  /** Shows `label` on stderr when the work takes more than a second, on a terminal, without --json. */
  progress<T>(label: string, work: (tick: (done: number, total: number) => void) => Promise<T>): Promise<T>
}

export function createOut(json: boolean, stdout = process.stdout, stderr = process.stderr): Out {
  const interactive = !json && stderr.isTTY === true
  return {
    json,
    result(value, human, verbatim = false) {
      const text = json
        ? printableJson(value, 2)
        : verbatim && stdout.isTTY !== true
          ? human()
          : printable(human(), true)
      if (text) stdout.write(text.endsWith('\n') ? text : `${text}\n`)
    },
    note(line) {
      stderr.write(`${printable(line, true)}\n`)
    },
    async progress(label, work) {
      if (!interactive) return work(() => undefined)
      let count = ''
      let shown = false
      const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']
      let frame = 0
      const draw = (): void => {
        shown = true
        stderr.write(`\r\x1b[2K${frames[frame++ % frames.length]} ${label}${count}`)
      }
      const start = setTimeout(() => {
        draw()
        timer.refresh()
      }, 1000)
      const timer = setInterval(() => shown && draw(), 100)
      timer.unref()
      start.unref()
      try {
        return await work((done, total) => {
          count = ` ${done}/${total}`
        })
      } finally {
        clearTimeout(start)
        clearInterval(timer)
        if (shown) stderr.write('\r\x1b[2K')
      }
    },
  }
}

/**
 * The widest cell a table shows whole: past every name a service takes (NAME_MAX), with room for a few escapes. A
 * longer cell, which only a broken or hostile service can send, is cut: every row is padded to the widest cell.
 */
const CELL_MAX = NAME_MAX + 45

function cell(text: string): string {
  const shown = printable(text)
  // Counted in characters, as names are (an emoji is one); .length is an upper bound that spares the count.
  if (shown.length <= CELL_MAX || nameLength(shown) <= CELL_MAX) return shown
  return `${[...shown].slice(0, CELL_MAX - 1).join('')}…`
}

/** A plain text table: columns padded to their widest cell, no colour, so it pipes cleanly. */
export function table(headers: readonly string[], given: readonly (readonly string[])[]): string {
  if (given.length === 0) return ''
  // One line per row: a line break in a key's name is shown as an escape too.
  const rows = given.map((r) => r.map(cell))
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(headers), ...rows.map(line)].join('\n')
}

/** "in 4 min", "2 h ago": times in words, as the app shows them. */
export function relative(iso: string, now = Date.now()): string {
  const ms = Date.parse(iso) - now
  const abs = Math.abs(ms)
  const words =
    abs < 60_000
      ? `${Math.round(abs / 1000)} s`
      : abs < 3_600_000
        ? `${Math.round(abs / 60_000)} min`
        : abs < 86_400_000
          ? `${Math.round(abs / 3_600_000)} h`
          : `${Math.round(abs / 86_400_000)} d`
  return ms >= 0 ? `in ${words}` : `${words} ago`
}

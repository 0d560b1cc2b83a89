// Row 10: the renderer's JavaScript, gzip-compressed as it would travel: its total size. The channel map's zod schemas
// belong to the core's side of the contract; the renderer needs only the channel names, so zod must not be in it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT } from '../procs'
import { result, RUNS, type RowResult } from '../row'
import { round, summarize } from '../stats'

const TARGET_KB = 160
/** Strings only zod's runtime carries (its internal brand and its error class). */
const ZOD_MARKERS = ['_zod', 'ZodError'] as const

export function bundleRow(): RowResult {
  const dir = join(ROOT, 'out/renderer/assets')
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'))
  if (files.length === 0) throw new Error(`no .js files in ${dir}`)
  const sizes: number[] = []
  const perFile: Record<string, { raw: number; gzip: number }> = {}
  const zodIn: string[] = []
  // Compression is deterministic; the repeats only confirm it.
  for (let run = 0; run < RUNS; run += 1) {
    let total = 0
    for (const f of files) {
      const raw = readFileSync(join(dir, f))
      const gz = gzipSync(raw, { level: 9 }).length
      perFile[f] = { raw: raw.length, gzip: gz }
      total += gz
      if (run === 0) {
        const text = raw.toString('utf8')
        if (ZOD_MARKERS.some((m) => text.includes(m))) zodIn.push(f)
      }
    }
    sizes.push(total / 1024)
  }
  const s = summarize(sizes)
  return result({
    id: '10',
    title: `renderer bundle, ${files.length} .js file(s), gzip; channel-map schemas (zod) in it: ${zodIn.length ? `yes (${zodIn.join(', ')})` : 'no'}`,
    unit: 'kB',
    target: TARGET_KB,
    figure: round(s.median, 1),
    summary: s,
    also: zodIn.length === 0,
    detail: { perFile, zodIn },
  })
}

// Row 10: the renderer's JavaScript, gzip-compressed as it would travel: its total size.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT } from '../procs'
import { result, RUNS, type RowResult } from '../row'
import { round, summarize } from '../stats'

const TARGET_KB = 250

export function bundleRow(): RowResult {
  const dir = join(ROOT, 'out/renderer/assets')
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'))
  if (files.length === 0) throw new Error(`no .js files in ${dir}`)
  const sizes: number[] = []
  const perFile: Record<string, { raw: number; gzip: number }> = {}
  // Compression is deterministic; the repeats only confirm it.
  for (let run = 0; run < RUNS; run += 1) {
    let total = 0
    for (const f of files) {
      const raw = readFileSync(join(dir, f))
      const gz = gzipSync(raw, { level: 9 }).length
      perFile[f] = { raw: raw.length, gzip: gz }
      total += gz
    }
    sizes.push(total / 1024)
  }
  const s = summarize(sizes)
  return result(10, `renderer bundle, ${files.length} .js file(s), gzip`, 'kB', TARGET_KB, round(s.median, 1), s, {
    perFile,
  })
}

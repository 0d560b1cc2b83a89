// Security gates run by npm test (scripts/test.mjs):
//   node scripts/security-gate.mjs electronegativity  — runs Electronegativity and fails on HIGH/MEDIUM findings not in
//                                                        scripts/electronegativity-allow.json (it exits 0 whatever it finds)
//   node scripts/security-gate.mjs leaks               — after the whole suite: greps test results, data directories and
//                                                        logs for every secret a test registered (tests/support/secret-registry.ts)
// Each prints its findings and writes test-results/gate-<name>.json with passed/failed counts.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const RESULTS = 'test-results'
mkdirSync(RESULTS, { recursive: true })
const mode = process.argv[2]

/** CSV with quoted fields (Electronegativity's output). */
function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++)
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') (row.push(field.trim()), (field = ''))
    else if (c === '\n') (row.push(field.trim()), rows.push(row), (row = []), (field = ''))
    else if (c !== '\r') field += c
  }
  if (field || row.length) (row.push(field.trim()), rows.push(row))
  return rows
}

function electronegativity() {
  const csv = join(RESULTS, 'electronegativity.csv')
  const tool = 'node_modules/@doyensec/electronegativity/dist/index.js'
  const args = ['--require', './scripts/electronegativity-commander.cjs', tool]
  const r = spawnSync(process.execPath, [...args, '-i', 'src', '-r', '-e', '45.4.1', '-v', 'false', '-o', csv], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (r.status !== 0 || !existsSync(csv)) return { failures: ['Electronegativity did not run'], checked: 0 }
  const [header, ...rows] = parseCsv(readFileSync(csv, 'utf8'))
  const col = (name) => header.indexOf(name)
  const allow = JSON.parse(readFileSync('scripts/electronegativity-allow.json', 'utf8')).allow
  const failures = []
  for (const row of rows.filter((x) => x.length > 3)) {
    const [issue, severity, file, location] = [
      row[col('issue')],
      row[col('severity')],
      row[col('filename')],
      row[col('location')],
    ]
    if (severity !== 'HIGH' && severity !== 'MEDIUM') continue
    const reviewed = allow.find((a) => a.issue === issue && a.file === file && a.reason)
    if (!reviewed) failures.push(`${severity} ${issue} in src/${file}:${location} (not in the reviewed allow-list)`)
  }
  return { failures, checked: rows.length }
}

/** Text files under a folder, bounded in depth, count and size. */
function* files(dir, depth = 0) {
  if (depth > 6 || !existsSync(dir)) return
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path, depth + 1)
    else if (entry.isFile() && statSync(path).size < 20_000_000) yield path
  }
}

function leaks() {
  const registry = join(RESULTS, 'created-secrets.txt')
  const secrets = existsSync(registry) ? [...new Set(readFileSync(registry, 'utf8').split('\n').filter(Boolean))] : []
  // Where a secret must never be: what the suite wrote (reports, traces, screenshots' metadata, logs) and the data
  // directories tests leave in the temp folder.
  const places = [
    ...files(RESULTS),
    ...readdirSync(tmpdir())
      .filter((d) => d.startsWith('keydesk-'))
      .flatMap((d) => [...files(join(tmpdir(), d))]),
  ].filter((f) => !f.endsWith('created-secrets.txt'))
  const failures = []
  for (const place of places) {
    const text = readFileSync(place).toString('latin1')
    for (const s of secrets)
      if (text.includes(s)) failures.push(`a registered secret (${s.slice(0, 4)}…) is in ${place}`)
  }
  return { failures, checked: secrets.length, places: places.length }
}

const gates = { electronegativity, leaks }
if (!gates[mode]) {
  process.stderr.write('usage: node scripts/security-gate.mjs electronegativity|leaks\n')
  process.exit(2)
}
const result = gates[mode]()
for (const f of result.failures) process.stdout.write(`✘ ${f}\n`)
process.stdout.write(
  `${mode}: ${result.failures.length} failure(s); ${JSON.stringify({ ...result, failures: undefined })}\n`,
)
writeFileSync(
  join(RESULTS, `gate-${mode}.json`),
  JSON.stringify({ ...result, passed: result.failures.length ? 0 : 1, failed: result.failures.length ? 1 : 0 }),
)
process.exit(result.failures.length ? 1 : 0)

// npm test: lint, format, type-check, unit + renderer tests, keychain tests under a private keyring, build, shell tests, e2e.
// Ends with one line "N passed, N failed[, N skipped]" counting every test that ran.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const env = {
  ...process.env,
  ELECTRON_OVERRIDE_DIST_PATH: process.env.ELECTRON_OVERRIDE_DIST_PATH ?? '/nonexistent-electron-dist',
}
const results = 'test-results'
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })
const totals = { passed: 0, failed: 0, skipped: 0 }
const broken = []
// The names of failed tests, repeated at the end so a log cut to its last lines still says what failed.
const failures = []

function run(title, cmd, args) {
  process.stdout.write(`\n── ${title}\n`)
  const started = Date.now()
  const r = spawnSync(cmd, args, { stdio: 'inherit', env })
  process.stdout.write(
    `── ${title}: ${r.status === 0 ? 'ok' : `exit ${r.status ?? r.signal}`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  )
  if (r.status !== 0) broken.push(title)
  return r.status === 0
}

function countVitest(file) {
  if (!existsSync(file)) return
  const j = JSON.parse(readFileSync(file, 'utf8'))
  totals.passed += j.numPassedTests
  totals.failed += j.numFailedTests
  totals.skipped += j.numPendingTests + j.numTodoTests
  for (const f of j.testResults) {
    const name = f.name.replace(`${process.cwd()}/`, '')
    const failed = f.assertionResults.filter((a) => a.status === 'failed')
    for (const t of failed) failures.push(`${name} › ${t.fullName}: ${firstLine(t.failureMessages)}`)
    if (f.status === 'failed' && !failed.length) failures.push(`${name}: ${firstLine([f.message])}`)
  }
}

function firstLine(messages) {
  const text = (messages ?? []).find(Boolean) ?? ''
  return text
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')[0]
    .slice(0, 300)
}

function e2eFailures(suites, file = '') {
  for (const s of suites ?? []) {
    for (const spec of s.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === 'unexpected')
          failures.push(`${s.file ?? file} › ${spec.title}: ${firstLine(t.results?.map((r) => r.error?.message))}`)
    e2eFailures(s.suites, s.file ?? file)
  }
}

const vitest = (out, projects) => [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${out}`,
]

// Lint keeps the layers (eslint.config.js) and one format holds for the whole tree; either failing fails the run.
run('lint (ESLint, zero warnings)', 'npx', ['eslint', '--max-warnings', '0', '.'])
run('format (Prettier)', 'npx', ['prettier', '--check', '.'])
run('type-check', 'npx', ['tsc', '-p', 'tsconfig.node.json']) &&
  run('type-check (renderer)', 'npx', ['tsc', '-p', 'tsconfig.web.json'])
run('unit and renderer tests', 'npx', vitest(`${results}/vitest.json`, ['unit', 'renderer']))
countVitest(`${results}/vitest.json`)
run('keychain tests (private gnome-keyring)', 'scripts/with-keyring.sh', [
  'npx',
  ...vitest(`${results}/keychain.json`, ['keychain']),
])
countVitest(`${results}/keychain.json`)
if (run('build', 'npx', ['electron-vite', 'build'])) {
  run(
    'shell tests: npm start, packaging, the Electron shell on a fake electron (private gnome-keyring)',
    'scripts/with-keyring.sh',
    ['npx', ...vitest(`${results}/shell.json`, ['shell'])],
  )
  countVitest(`${results}/shell.json`)
  if (run('build (the keydesk command line)', 'npx', ['vite', 'build', '-c', 'vite.cli.config.ts'])) {
    run(
      'command-line tests: the real keydesk binary against the sandbox (private gnome-keyring)',
      'scripts/with-keyring.sh',
      ['npx', ...vitest(`${results}/cli.json`, ['cli'])],
    )
    countVitest(`${results}/cli.json`)
  }
  // On a virtual X display, so the browser host's Copy reaches a real system clipboard (xclip).
  run('e2e (Playwright, Debian Chromium, private gnome-keyring, virtual display)', 'xvfb-run', [
    '-a',
    'scripts/with-keyring.sh',
    'npx',
    'playwright',
    'test',
  ])
  if (existsSync(`${results}/e2e.json`)) {
    const report = JSON.parse(readFileSync(`${results}/e2e.json`, 'utf8'))
    const s = report.stats
    e2eFailures(report.suites)
    totals.passed += s.expected + s.flaky
    totals.failed += s.unexpected
    totals.skipped += s.skipped
  }
}
// Security gates: Electronegativity against a reviewed allow-list, then, after everything else, the leak scan.
for (const gate of ['electronegativity', 'leaks']) {
  run(`security gate: ${gate}`, 'node', ['scripts/security-gate.mjs', gate])
  if (existsSync(`${results}/gate-${gate}.json`)) {
    const g = JSON.parse(readFileSync(`${results}/gate-${gate}.json`, 'utf8'))
    totals.passed += g.passed
    totals.failed += g.failed
  }
}
if (broken.length) process.stdout.write(`\nfailed steps: ${broken.join(', ')}\n`)
if (failures.length) process.stdout.write(`failed tests:\n${failures.map((f) => `  ${f}`).join('\n')}\n`)
process.stdout.write(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`,
)
process.exit(broken.length || totals.failed ? 1 : 0)

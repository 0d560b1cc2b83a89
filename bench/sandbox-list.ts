// List latency against the sandbox: one 1,000-key account per provider, 1,000 list calls each, 8 at a time.
// Run: npx tsx bench/sandbox-list.ts
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { startSandbox } from '../src/sandbox/index'
import { listRequest } from './sandbox-wire'

const KEYS = 1000
const REQUESTS = 1000
const CONCURRENCY = 8
const TIME_CAP_MS = 60_000

async function measure(send: () => Promise<Response>): Promise<{ times: number[]; failures: number }> {
  const times: number[] = []
  let failures = 0
  let issued = 0
  const deadline = performance.now() + TIME_CAP_MS
  const worker = async (): Promise<void> => {
    while (issued < REQUESTS && performance.now() < deadline) {
      issued += 1
      const t = performance.now()
      const res = await send()
      await res.arrayBuffer()
      if (res.status !== 200) failures += 1
      times.push(performance.now() - t)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return { times, failures }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

/** Milliseconds from spawning `npm run sandbox` to its first stdout line that is JSON. */
function timeToFirstLine(): Promise<number> {
  const t = performance.now()
  const child = spawn('npm', ['run', '--silent', 'sandbox', '--', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no first line within 30 s')), 30_000)
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return
      clearTimeout(timer)
      resolve(performance.now() - t)
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM')
    })
  })
}

async function main(): Promise<void> {
  const t = performance.now()
  const sandbox = await startSandbox({ keysPerAccount: KEYS, log: () => undefined })
  const startup = performance.now() - t
  console.log(`sandbox start with ${KEYS} keys per account: ${startup.toFixed(0)} ms`)
  try {
    for (const a of sandbox.accounts) {
      const { times, failures } = await measure(listRequest(a))
      const sorted = [...times].sort((x, y) => x - y)
      console.log(
        `${a.provider.padEnd(8)} list ×${times.length}: p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms` +
          (failures ? `, ${failures} failed` : ''),
      )
    }
  } finally {
    await sandbox.close()
  }
  console.log(`npm run sandbox, time to first line: ${(await timeToFirstLine()).toFixed(0)} ms`)
}

void main()

// Row 13 (reported, no target): to see every key of 30 accounts, KeyDesk against the services' own consoles. KeyDesk
// lists all accounts at once; the console model opens one account at a time and pages 15 keys a page, using the
// sandbox's own paging (SpaceONE pages on the server with page {start, limit}; CloudMC and Onqlave answer whole lists,
// so their consoles page in the browser and need one request per account). The console's wall time is its requests'
// count times the measured time of one such request, one after the other; a person's clicks are not counted.
import type { SandboxAccount } from '../../src/sandbox/index'
import { SLOW, type Fixtures } from '../fixtures'
import { type RowResult } from '../row'
import { listRequest } from '../sandbox-wire'
import { round, summarize } from '../stats'
import { RUNS } from '../row'

const PAGE = 15

/** SpaceONE's list with server paging, as its console sends it. */
function pagedSpaceOne(a: SandboxAccount, start: number): Promise<Response> {
  const token = String((a.credentials as Record<string, unknown>).token)
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
    did: string
    aud: string
  }
  return fetch(`${a.endpoint}/identity/api-key/list`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      user_id: claims.aud,
      domain_id: claims.did,
      query: { sort: { key: 'created_at' }, page: { start, limit: PAGE } },
    }),
  })
}

async function timed(fn: () => Promise<Response>): Promise<{ ms: number; body: unknown }> {
  const t = performance.now()
  const res = await fn()
  const body: unknown = await res.json()
  if (res.status !== 200) throw new Error(`console model: HTTP ${res.status}`)
  return { ms: performance.now() - t, body }
}

/** Requests one account's console needs to show every key, and the median time of one of them. */
async function consoleFor(a: SandboxAccount): Promise<{ requests: number; requestMs: number }> {
  const times: number[] = []
  if (a.provider !== 'spaceone') {
    for (let run = 0; run < RUNS; run += 1) times.push((await timed(listRequest(a))).ms)
    return { requests: 1, requestMs: summarize(times).median }
  }
  const first = await timed(() => pagedSpaceOne(a, 1))
  const total = (first.body as { total_count?: number }).total_count ?? 0
  const pages = Math.max(1, Math.ceil(total / PAGE))
  times.push(first.ms)
  for (let p = 1; p < Math.max(pages, RUNS); p += 1)
    times.push((await timed(() => pagedSpaceOne(a, (p % pages) * PAGE + 1))).ms)
  return { requests: pages, requestMs: summarize(times).median }
}

export async function consolesRow(fx: Fixtures): Promise<RowResult> {
  const world = await fx.slow()
  // One account of each provider stands for its ten: the sandbox seeds them alike.
  const perProvider = new Map<string, { requests: number; requestMs: number }>()
  for (const a of world.sandbox.accounts)
    if (!perProvider.has(a.provider)) perProvider.set(a.provider, await consoleFor(a))
  let consoleRequests = 0
  let consoleMs = 0
  for (const a of world.sandbox.accounts) {
    const c = perProvider.get(a.provider)
    if (!c) continue
    consoleRequests += c.requests
    consoleMs += c.requests * c.requestMs
  }
  world.proxy.take()
  const walls: number[] = []
  for (let run = 0; run < RUNS; run += 1) {
    const t = performance.now()
    await Promise.all(world.accountIds.map((accountId) => world.all.call('keys.list', { accountId })))
    walls.push(performance.now() - t)
  }
  const keydeskRequests = world.proxy.take().length / RUNS
  const wall = summarize(walls)
  const ratios = summarize(walls.map((w) => consoleMs / w))
  return {
    id: '13',
    title:
      `every key of ${world.accountIds.length} accounts (${SLOW.keysPerAccount} keys each, ${SLOW.latencyMs} ms): ` +
      `KeyDesk ${round(keydeskRequests, 1)} requests in ${Math.round(wall.median)} ms; console paging ${PAGE} a page, ` +
      `one account at a time: ${consoleRequests} requests in ${Math.round(consoleMs)} ms ` +
      `(requests ${round(consoleRequests / keydeskRequests, 1)}×, wall time ${round(ratios.median, 1)}×)`,
    figure: round(ratios.median, 1),
    unit: '× faster',
    target: Number.NaN,
    verdict: 'report',
    summary: ratios,
    detail: {
      keydeskWallMs: walls.map((w) => round(w, 1)),
      keydeskRequests,
      consoleRequests,
      consoleWallMs: round(consoleMs),
      consolePerProvider: Object.fromEntries(perProvider),
    },
  }
}

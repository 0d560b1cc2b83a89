// Row 11: requests per user action against the sandbox, for every provider: create, disable, enable, rename, delete,
// clicked through the app's UI, counted by a proxy in front of the sandbox. The rule: one mutation and at most one
// listing; a create may add only what the service requires (see `allowed`).
import type { KeyRecord, ProviderId } from '../../src/shared/model'
import { closePage, freshPage } from '../browser'
import { startCountingProxy, type CountingProxy, type Seen } from '../counting-proxy'
import { startHostProc, startSandboxProc, type HostProc } from '../procs'
import { result, type RowResult } from '../row'
import { addAccounts, tempDir } from '../setup'
import { summarize } from '../stats'
import { finishCreate, lifecycle, openAccount, prepareCreate, type Action } from '../ui-actions'

const QUIET_MS = 500
const QUIET_LIMIT_MS = 10_000
const CREATE_LIMIT_MS = 30_000
const LIFECYCLE: readonly Exclude<Action, 'create'>[] = ['disable', 'enable', 'rename', 'delete']

interface Counted {
  readonly mutations: number
  readonly listings: number
  /** Reads of one key (Onqlave's activation and propagation checks). */
  readonly keyReads: number
  /** Reads of a new key's secret (Onqlave hands it out by a request of its own once the key is active). */
  readonly secretReads: number
  readonly other: number
  readonly requests: readonly string[]
}

/** The keys collection of each service, as the adapters list it. */
const LISTING: Record<ProviderId, (s: Seen) => boolean> = {
  spaceone: (s) => s.method === 'POST' && s.path === '/identity/api-key/list',
  cloudmc: (s) => s.method === 'GET' && /\/api_keys$/.test(s.path),
  onqlave: (s) => s.method === 'GET' && /\/tenants\/[^/]+\/keys$/.test(s.path),
  'spaceone-apps': (s) => s.method === 'POST' && s.path === '/spaceone2/identity/app/list',
}
const KEY_READ: Record<ProviderId, (s: Seen) => boolean> = {
  spaceone: (s) => s.method === 'POST' && s.path === '/identity/api-key/get',
  cloudmc: (s) => s.method === 'GET' && /\/api_keys\/[^/]+$/.test(s.path),
  onqlave: (s) => s.method === 'GET' && /\/tenants\/[^/]+\/keys\/[^/]+$/.test(s.path),
  'spaceone-apps': (s) => s.method === 'POST' && s.path === '/spaceone2/identity/app/get',
}
const SECRET_READ: Record<ProviderId, (s: Seen) => boolean> = {
  spaceone: () => false,
  cloudmc: () => false,
  onqlave: (s) => s.method === 'GET' && /\/tenants\/[^/]+\/keys\/[^/]+\/sensitive$/.test(s.path),
  // Cloudforet 2.x shows a secret only in the create or regenerate answer.
  'spaceone-apps': () => false,
}
/** Which service a request went to: each sandbox service has its own paths. */
const OWNER: readonly [ProviderId, RegExp][] = [
  ['spaceone-apps', /^\/spaceone2\//],
  ['spaceone', /^\/identity\//],
  ['cloudmc', /^\/api\/v2\//],
  ['onqlave', /^\/tenants\//],
]
const ownerOf = (s: Seen): ProviderId | undefined => OWNER.find(([, re]) => re.test(s.path))?.[0]
const isRead = (s: Seen): boolean => s.method === 'GET' || /\/(list|get|stat)$/.test(s.path)

function count(provider: ProviderId, seen: readonly Seen[]): Counted {
  let mutations = 0
  let listings = 0
  let keyReads = 0
  let secretReads = 0
  let other = 0
  for (const s of seen) {
    if (LISTING[provider](s)) listings += 1
    else if (KEY_READ[provider](s)) keyReads += 1
    else if (SECRET_READ[provider](s)) secretReads += 1
    else if (isRead(s)) other += 1
    else mutations += 1
  }
  return { mutations, listings, keyReads, secretReads, other, requests: seen.map((s) => `${s.method} ${s.path}`) }
}

/**
 * What the action may spend: one mutation and at most one listing. A create may add what the service requires: one
 * listing before it (no service takes an idempotency key, so that listing is what tells a create whose answer was lost
 * from one that never happened; for SpaceONE it also checks the 2-key limit the service does not enforce), SpaceONE's and
 * Cloudforet 2.x's endpoint list (the spacectl config offered with the one-time secret needs it, as the console's
 * download does), and
 * Onqlave's reads of the new key until it is active and the one read of its secret (the service hands the secret out
 * only then, by a request of its own). Onqlave's delete may read the key to see it go (its propagation has no other
 * evidence).
 */
function allowed(provider: ProviderId, action: Action, c: Counted): boolean {
  const create = action === 'create'
  const keyReadsOk = provider === 'onqlave' ? true : c.keyReads === 0
  const otherOk = c.other <= (create && (provider === 'spaceone' || provider === 'spaceone-apps') ? 1 : 0)
  const secretOk = c.secretReads <= (create && provider === 'onqlave' ? 1 : 0)
  return c.mutations === 1 && c.listings <= (create ? 2 : 1) && keyReadsOk && secretOk && otherOk
}

async function settled(proxy: CountingProxy): Promise<Seen[]> {
  await proxy.quiet(QUIET_MS, QUIET_LIMIT_MS)
  return proxy.take()
}

async function keysOf(host: HostProc, proxy: CountingProxy, accountId: string): Promise<KeyRecord[]> {
  const list = await host.call<{ keys: KeyRecord[] }>('keys.list', { accountId })
  await settled(proxy)
  return list.keys
}

export async function actionsRow(): Promise<RowResult> {
  const sandbox = await startSandboxProc({
    latencyMs: 0,
    keysPerAccount: 1,
    accountsPerProvider: 1,
    seed: 'bench-actions',
    activationSeconds: 1,
  })
  const proxy = await startCountingProxy(sandbox.url)
  const host = await startHostProc(tempDir('actions')).catch(async (err: unknown) => {
    await proxy.close()
    await sandbox.stop()
    throw err
  })
  const page = await freshPage()
  // A request goes to the action that spent it: an earlier action's propagation check of another account (Onqlave's
  // delete reads its key until it is gone) can land while the next account's action runs, and counts for its own.
  const spent = new Map<string, { provider: ProviderId; action: Action; seen: Seen[] }>()
  const last = new Map<ProviderId, string>()
  try {
    const ids = await addAccounts(
      host,
      sandbox.accounts.map((a) => ({ ...a, endpoint: a.endpoint.replace(sandbox.url, proxy.url) })),
    )
    await page.goto(host.openUrl)
    for (const [i, raw] of sandbox.accounts.entries()) {
      const accountId = ids[i] ?? ''
      const note = (action: Action, seen: readonly Seen[]): void => {
        const name = `${raw.provider} ${action}`
        spent.set(name, { provider: raw.provider, action, seen: [] })
        last.set(raw.provider, name)
        for (const s of seen) {
          const owner = ownerOf(s) ?? raw.provider
          spent.get(last.get(owner) ?? name)?.seen.push(s)
        }
      }
      await openAccount(page, raw.label)
      const before = await keysOf(host, proxy, accountId)
      const create = await prepareCreate(page, raw.provider)
      await settled(proxy)
      await create.click()
      await finishCreate(page, CREATE_LIMIT_MS)
      note('create', await settled(proxy))
      const created = (await keysOf(host, proxy, accountId)).find((k) => !before.some((b) => b.keyId === k.keyId))
      if (!created) throw new Error(`${raw.provider}: the created key is not listed`)
      let key = created
      for (const action of LIFECYCLE) {
        await settled(proxy)
        if (!(await lifecycle(page, key, action))) continue
        note(action, await settled(proxy))
        const now = (await keysOf(host, proxy, accountId)).find((k) => k.keyId === key.keyId)
        if (now) key = now
      }
    }
  } finally {
    await closePage(page)
    await host.stop()
    await proxy.close()
    await sandbox.stop()
  }
  const table: Record<string, Counted> = {}
  const over: string[] = []
  for (const [name, { provider, action, seen }] of spent) {
    table[name] = count(provider, seen)
    if (!allowed(provider, action, table[name])) over.push(name)
  }
  const totals = Object.values(table).map((c) => c.mutations + c.listings + c.keyReads + c.secretReads + c.other)
  const words = Object.entries(table)
    .map(
      ([k, c]) =>
        `${k} ${c.mutations}+${c.listings}${c.keyReads ? `+${c.keyReads}r` : ''}${c.secretReads ? `+${c.secretReads}s` : ''}${c.other ? `+${c.other}?` : ''}`,
    )
    .join(', ')
  return result({
    id: '11',
    title: `requests per user action (mutations+listings[+key reads r][+secret reads s][+other ?]): ${words}; over the rule: ${over.join(', ') || 'none'}`,
    unit: 'actions over',
    target: 0,
    figure: over.length,
    // Counts are exact: each action is one run, the summary spans the actions' request totals.
    summary: summarize(totals),
    detail: { perAction: table, over },
  })
}

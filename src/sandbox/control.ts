// /__sandbox/ test controls: reset, tuning, clock and counts. Guarded by the control token; never part of a service.
import { z } from 'zod'
import { isoMillis } from './clock'
import type { Context, LiveConfig, Tuning } from './context'
import { header, jsonObject, type Incoming, type Reply } from './http'
import { statusOf } from './onqlave-envelope'
import { sameText } from './onqlave-crypto'
import { dueReminders } from './spaceone2-reminders'

export interface ControlDeps {
  readonly ctx: Context
  readonly token: string
  readonly labels: ReadonlySet<string>
  reset(): void
}

const seconds = z
  .number()
  .finite()
  .min(0)
  .max(10 * 365 * 24 * 3600)
const ConfigBody = z.strictObject({
  latencyMs: z.number().finite().min(0).max(60_000).optional(),
  faultRate: z.number().min(0).max(1).optional(),
  dropAnswerRate: z.number().min(0).max(1).optional(),
  propagationSeconds: seconds.optional(),
  activationSeconds: seconds.optional(),
  tokenLeewaySeconds: z.number().finite().min(0).max(3600).optional(),
  naiveTzOffsetHours: z.number().finite().min(-14).max(14).optional(),
  account: z.string().optional(),
})
const ClockBody = z.union([
  z.strictObject({ advanceSeconds: z.number().finite().min(-1e9).max(1e9) }),
  z.strictObject({ offsetSeconds: z.number().finite().min(-1e9).max(1e9) }),
])

const fail = (status: number, error: string): Reply => ({ status, body: { error } })

export function controlHandler(deps: ControlDeps): (req: Incoming) => Reply {
  return (req) => {
    if (!sameText(header(req, 'x-sandbox-token') ?? '', deps.token))
      return fail(403, 'missing or wrong X-Sandbox-Token')
    const name = req.path.slice('/__sandbox/'.length)
    const method = name === 'state' || name === 'spaceone2/reminders' ? 'GET' : 'POST'
    if (!['reset', 'config', 'clock', 'state', 'spaceone2/reminders'].includes(name)) return fail(404, 'not found')
    if (req.method !== method) return fail(405, `use ${method}`)
    if (name === 'state') return { status: 200, body: counts(deps.ctx) }
    if (name === 'spaceone2/reminders') return { status: 200, body: dueReminders(deps.ctx) }
    if (name === 'reset') {
      deps.reset()
      return { status: 200, body: { ok: true } }
    }
    const body = jsonObject(req.body)
    if (!body) return fail(400, 'the body is not a JSON object')
    return name === 'config' ? configure(deps, body) : moveClock(deps.ctx, body)
  }
}

function configure(deps: ControlDeps, body: unknown): Reply {
  const parsed = ConfigBody.safeParse(body)
  if (!parsed.success) return fail(400, z.prettifyError(parsed.error))
  const {
    account,
    latencyMs,
    faultRate,
    dropAnswerRate,
    propagationSeconds,
    activationSeconds,
    tokenLeewaySeconds,
    naiveTzOffsetHours,
  } = parsed.data
  const old = deps.ctx.config
  const tuning: Partial<Tuning> = {
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    ...(faultRate !== undefined ? { faultRate } : {}),
    ...(dropAnswerRate !== undefined ? { dropAnswerRate } : {}),
  }
  let perAccount = old.perAccount
  if (account !== undefined) {
    if (!deps.labels.has(account)) return fail(400, `no account labelled "${account}"`)
    perAccount = new Map(old.perAccount).set(account, { ...old.perAccount.get(account), ...tuning })
  }
  const next: LiveConfig = {
    ...old,
    ...(account === undefined ? tuning : {}),
    ...(propagationSeconds !== undefined ? { propagationSeconds } : {}),
    ...(activationSeconds !== undefined ? { activationSeconds } : {}),
    ...(tokenLeewaySeconds !== undefined ? { tokenLeewaySeconds } : {}),
    ...(naiveTzOffsetHours !== undefined ? { naiveTzOffsetHours } : {}),
    perAccount,
  }
  deps.ctx.config = next
  return { status: 200, body: configJson(next) }
}

export function configJson(config: LiveConfig): unknown {
  const { perAccount, ...global } = config
  return { ...global, accounts: Object.fromEntries(perAccount) }
}

function moveClock(ctx: Context, body: unknown): Reply {
  const parsed = ClockBody.safeParse(body)
  if (!parsed.success) return fail(400, 'give exactly one of advanceSeconds or offsetSeconds, a number')
  if ('advanceSeconds' in parsed.data) ctx.clock.advance(parsed.data.advanceSeconds)
  else ctx.clock.setOffset(parsed.data.offsetSeconds)
  return { status: 200, body: { now: isoMillis(ctx.clock.now()), offsetSeconds: ctx.clock.offsetSeconds() } }
}

function counts(ctx: Context): unknown {
  const { spaceone, cloudmc, onqlave } = ctx.world
  const now = ctx.clock.now()
  const byState: Record<string, number> = { ENABLED: 0, DISABLED: 0 }
  for (const key of spaceone.keys.values()) byState[key.state] = (byState[key.state] ?? 0) + 1
  const byStatus: Record<string, number> = { pending: 0, active: 0, disabled: 0, deleted: 0, failed: 0 }
  for (const key of onqlave.keys.values()) {
    const status = statusOf(key, now)
    byStatus[status] = (byStatus[status] ?? 0) + 1
  }
  return {
    now: isoMillis(now),
    offsetSeconds: ctx.clock.offsetSeconds(),
    config: configJson(ctx.config),
    spaceone: {
      domains: spaceone.domains.size,
      users: spaceone.users.size,
      keys: byState,
      authCacheEntries: spaceone.authCache.size,
    },
    spaceone2: { apps: ctx.world.spaceone2.apps.size, checkCacheEntries: ctx.world.spaceone2.checkCache.size },
    cloudmc: { users: cloudmc.users.size, keys: cloudmc.keys.size },
    onqlave: {
      tenants: onqlave.tenants.size,
      applications: onqlave.applications.size,
      clusters: onqlave.clusters.size,
      keys: byStatus,
    },
  }
}

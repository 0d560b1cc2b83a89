// keydesk wait: until a key's pending change has settled (0), failed (7) or the time ran out (5).
// Without the app, this process runs the core only while checking, so the app can start meanwhile.
import { Command } from 'commander'
import type { Propagation } from '../../shared/model'
import { descriptorOf, findAccount, type Bind, type Ctx } from '../context'
import { EXIT } from '../exit-codes'
import { relative } from '../output'
import { latest } from './key-json'

const CHECK_EVERY_MS = 1000
/** How long an own core keeps running to let its scheduler check the service before letting go of the data directory. */
const HOLD_MS = 5000
const MAX_SLEEP_MS = 30_000

export function waitCommand(bind: Bind): Command {
  const wait = new Command('wait')
    .description("wait until a key's pending change has settled (exit 0), failed (7) or timed out (5)")
    .requiredOption('--account <id>', 'account id or label')
    .argument('<key>', 'key id')
    .option('--timeout <seconds>', 'give up after this long', '900')
    .addHelpText(
      'after',
      '\nExample:  keydesk keys disable --account Prod --yes 5e85… && keydesk wait --account Prod 5e85…',
    )
  return bind(wait, async (ctx, [keyId = ''], opts) => {
    const seconds = Number(opts.timeout)
    if (!Number.isFinite(seconds) || seconds < 0) {
      ctx.out.note(`keydesk: --timeout must be a number of seconds, not "${String(opts.timeout)}"`)
      return EXIT.usage
    }
    const account = await findAccount(ctx, opts.account)
    const deadline = Date.now() + seconds * 1000
    const changes = (await descriptorOf(ctx, account)).changes
    const models = {
      create: changes.create.model,
      enable: changes.enable.model,
      disable: changes.disable.model,
      delete: changes.delete.model,
      regenerate: changes.regenerate.model,
    }
    const record = await ctx.out.progress(`Waiting for ${keyId} to settle…`, () =>
      untilDone(ctx, account.id, keyId, deadline, models),
    )
    ctx.out.result({ propagation: record ?? null, state: record?.state ?? 'none' }, () =>
      !record
        ? `Nothing is pending for ${keyId} in ${account.label}.`
        : record.state === 'settled'
          ? `Settled: ${record.op} of ${keyId} is in effect${record.note ? ` (${record.note})` : ''}.`
          : record.state === 'failed'
            ? `Failed: ${record.op} of ${keyId} did not take effect${record.note ? `: ${record.note}` : ''}.`
            : `Still propagating; it should settle by ${record.settleBy} (${relative(record.settleBy)}). Gave up waiting.`,
    )
    if (!record || record.state === 'settled') return EXIT.ok
    return record.state === 'failed' ? EXIT.changeFailed : EXIT.network
  })
}

async function untilDone(
  ctx: Ctx,
  accountId: string,
  keyId: string,
  deadline: number,
  models: Readonly<Record<Propagation['op'], string>>,
): Promise<Propagation | undefined> {
  for (;;) {
    const session = await ctx.session()
    const heldUntil = Date.now() + HOLD_MS
    let record = latest(await session.api.propagation.list(), accountId, keyId)
    // An own core checks the service on its scheduler: give it a moment before letting go.
    while (record?.state === 'propagating' && !session.viaApp && Date.now() < Math.min(heldUntil, deadline)) {
      if (models[record.op] === 'window' && Date.parse(record.settleBy) - Date.now() > HOLD_MS) break
      await sleep(250)
      record = latest(await session.api.propagation.list(), accountId, keyId)
    }
    if (!record || record.state !== 'propagating' || Date.now() >= deadline) return record
    let pause = CHECK_EVERY_MS
    if (!session.viaApp) {
      await ctx.closeSession()
      // A window settles only once it has passed; sleep until then (in steps) instead of checking for nothing.
      const untilWindow = models[record.op] === 'window' ? Date.parse(record.settleBy) - Date.now() : 0
      pause = Math.max(CHECK_EVERY_MS, Math.min(untilWindow, MAX_SLEEP_MS))
    }
    await sleep(Math.max(0, Math.min(pause, deadline - Date.now())))
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

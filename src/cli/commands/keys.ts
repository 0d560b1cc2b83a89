// keydesk keys list|enable|disable|delete|rename|export (create and rotate: keys-create.ts; regenerate: its own file)
import { resolve } from 'node:path'
import { Command } from 'commander'
import type { AppApi } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { expiryFlag } from '../../shared/expiry'
import type { AccountView, KeyRecord } from '../../shared/model'
import { descriptorOf, findAccount, str, type Bind, type Ctx } from '../context'
import { exitCodeFor } from '../exit-codes'
import { relative, table } from '../output'
import { confirm } from '../prompt'
import { addCreateCommands } from './keys-create'
import { addRegenerateCommand } from './keys-regenerate'
import { keyJson, latest } from './key-json'

type Change = 'enable' | 'disable' | 'delete'

export function keysCommand(bind: Bind): Command {
  const keys = new Command('keys').description('list, create, change, export and rotate keys')

  bind(
    keys
      .command('list')
      .description('list the keys of every account (fetched in parallel), or of one')
      .option('--account <id>', 'only this account (id or label)'),
    async (ctx, _args, opts) => {
      const api = (await ctx.session()).api
      const accounts = opts.account ? [await findAccount(ctx, opts.account)] : await api.accounts.list()
      const { rows, failures } = await ctx.out.progress(`Listing keys of ${accounts.length} accounts…`, (tick) =>
        listAll(api, accounts, tick),
      )
      // Expiry shows where some key has one, with its flag (expiring, expired) as the app's list has it.
      const expiry = rows.some((k) => k.expiresAt)
      ctx.out.result({ keys: rows, failures }, () =>
        [
          rows.length
            ? table(
                ['ACCOUNT', 'KEY ID', 'NAME', 'STATE', 'CREATED', 'LAST USED', ...(expiry ? ['EXPIRES'] : [])],
                rows.map((k) => [
                  k.account,
                  k.keyId,
                  k.name,
                  k.state,
                  k.createdAt.slice(0, 10),
                  k.lastUsedAt ? relative(k.lastUsedAt) : '—',
                  ...(expiry ? [expiresCell(k)] : []),
                ]),
              )
            : accounts.length
              ? 'No keys.'
              : 'No accounts yet. Add one with `keydesk accounts add`.',
          ...failures.map((f) => `! ${f.account}: ${f.message}`),
        ].join('\n'),
      )
      const first = failures[0]
      return first ? exitCodeFor(first.code) : 0
    },
  )

  addCreateCommands(keys, bind)
  addRegenerateCommand(keys, bind)

  bind(
    keys
      .command('options')
      .description(
        'what a new key of this account can be for: applications and Arx clusters (Onqlave), roles and workspaces (Cloudforet 2.x)',
      )
      .requiredOption('--account <id>', 'account id or label'),
    async (ctx, _args, opts) => {
      const account = await findAccount(ctx, opts.account)
      const options = await (await ctx.session()).api.keys.createOptions({ accountId: account.id })
      ctx.out.result({ options }, () =>
        options
          ? [
              table(
                ['APPLICATION', 'NAME', 'TECHNOLOGY'],
                options.applications.map((a) => [a.id, a.name, a.technology ?? '']),
              ),
              table(
                ['ARX', 'NAME', 'ENCRYPTION'],
                options.clusters.map((c) => [c.id, c.name, c.encryption ?? '']),
              ),
              table(
                ['ROLE', 'NAME', 'SCOPE'],
                (options.roles ?? []).map((r) => [r.id, r.name, r.scope]),
              ),
              table(
                ['WORKSPACE', 'NAME'],
                (options.workspaces ?? []).map((w) => [w.id, w.name]),
              ),
            ]
              .filter(Boolean)
              .join('\n\n')
          : `${account.label}'s keys need no choices: \`keydesk keys create --account ${account.id}\`.`,
      )
    },
  )

  for (const change of ['enable', 'disable', 'delete'] as const) {
    bind(
      keys
        .command(change)
        .description(`${change} a key${change === 'delete' ? ' (for good)' : ''}`)
        .requiredOption('--account <id>', 'account id or label')
        .argument('<key>', 'key id')
        .argument('[confirm]', change === 'delete' ? 'the key id again, where the service asks to type it' : 'unused')
        .option('-y, --yes', 'do not ask for confirmation'),
      (ctx, args, opts) => lifecycle(ctx, change, args, opts),
    )
  }

  bind(
    keys
      .command('rename')
      .description('rename a key (services that allow it)')
      .requiredOption('--account <id>', 'account id or label')
      .argument('<key>', 'key id')
      .argument('<name>', 'the new name'),
    async (ctx, [keyId, name], opts) => {
      const account = await findAccount(ctx, opts.account)
      const api = (await ctx.session()).api
      const key = await api.keys.rename({ accountId: account.id, keyId: keyId ?? '', name: name ?? '' })
      ctx.out.result({ key: keyJson(key, account) }, () => `Renamed ${key.keyId} to "${key.name}".`)
    },
  )

  bind(
    keys
      .command('export')
      .description('write a kept secret to a file (mode 0600) in one of its export formats')
      .requiredOption('--account <id>', 'account id or label')
      .argument('<key>', 'key id')
      .option('--format <format>', "export format (default: the service's first)")
      .requiredOption('--out <file>', 'where to write it; never replaced unless --force')
      .option('--force', 'replace an existing file'),
    async (ctx, [keyId], opts) => {
      const account = await findAccount(ctx, opts.account)
      const formats = (await descriptorOf(ctx, account)).exports.map((e) => e.id)
      const format = str(opts.format) ?? formats[0] ?? ''
      if (!formats.includes(format))
        throw new AppError(
          'INVALID_INPUT',
          `Unknown format "${format}": ${account.label} exports ${formats.join(', ')}.`,
        )
      const api = (await ctx.session()).api
      const { savedTo } = await api.keys.exportTo({
        accountId: account.id,
        keyId: keyId ?? '',
        format,
        path: resolve(str(opts.out) ?? ''),
        overwrite: opts.force === true,
      })
      ctx.out.result({ savedTo }, () => `Wrote ${savedTo} (readable only by you).`)
    },
  )
  return keys
}

async function lifecycle(
  ctx: Ctx,
  change: Change,
  [keyId = '', again]: readonly string[],
  opts: Readonly<Record<string, unknown>>,
): Promise<number> {
  const account = await findAccount(ctx, opts.account)
  const typed = change === 'delete' && (await descriptorOf(ctx, account)).deleteConfirm === 'type-key-id'
  if (again !== undefined && !typed) {
    throw new AppError('INVALID_INPUT', `Unexpected argument "${again}": ${change} takes one key id.`)
  }
  const verb = change[0]?.toUpperCase() + change.slice(1)
  await confirm(`${verb} key ${keyId} in ${account.label}`, {
    yes: opts.yes === true,
    ...(typed ? { typed: keyId, ...(again !== undefined ? { typedGiven: again } : {}) } : {}),
  })
  const api = (await ctx.session()).api
  const ref = { accountId: account.id, keyId }
  const key =
    change === 'enable'
      ? await api.keys.enable(ref)
      : change === 'disable'
        ? await api.keys.disable(ref)
        : await api.keys.delete(ref)
  const pending = latest(await api.propagation.list(), account.id, keyId)
  ctx.out.result({ key: key ? keyJson(key, account) : null, propagation: pending ?? null }, () =>
    pending?.state === 'propagating'
      ? `${verb}d ${keyId}; ${account.label}'s service is still applying it (settles by ${pending.settleBy}, ` +
        `${relative(pending.settleBy)}). \`keydesk wait --account ${account.id} ${keyId}\` waits for it.`
      : `${verb}d ${keyId} in ${account.label}.`,
  )
  return 0
}

function expiresCell(k: KeyRecord): string {
  if (!k.expiresAt) return '—'
  const flag = expiryFlag(k, Date.now())
  return `${k.expiresAt.slice(0, 10)}${flag ? ` (${flag})` : ''}`
}

interface Row extends KeyRecord {
  readonly account: string
}

async function listAll(
  api: AppApi,
  accounts: readonly AccountView[],
  tick: (done: number, total: number) => void,
): Promise<{
  rows: Row[]
  failures: { accountId: string; account: string; code: AppError['code']; message: string }[]
}> {
  let done = 0
  const settled = await Promise.allSettled(
    accounts.map((a) =>
      api.keys.list({ accountId: a.id }).finally(() => {
        done += 1
        tick(done, accounts.length)
      }),
    ),
  )
  const rows: Row[] = []
  const failures: { accountId: string; account: string; code: AppError['code']; message: string }[] = []
  settled.forEach((s, i) => {
    const account = accounts[i]
    if (!account) return
    if (s.status === 'fulfilled') {
      for (const k of s.value.keys) rows.push({ ...k, account: account.label })
    } else {
      const err = s.reason instanceof AppError ? s.reason : new AppError('INTERNAL', 'Listing failed.')
      failures.push({ accountId: account.id, account: account.label, code: err.code, message: err.message })
    }
  })
  return { rows, failures }
}

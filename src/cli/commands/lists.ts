// keydesk propagation list · rotation list · audit
import { Command, Option } from 'commander'
import { AUDIT_ACTIONS, type AuditAction } from '../../shared/audit'
import { findAccount, str, type Bind } from '../context'
import { CliExit, EXIT } from '../exit-codes'
import { relative, table } from '../output'

export function propagationCommand(bind: Bind): Command {
  const cmd = new Command('propagation').description('changes a service accepted but has not applied everywhere yet')
  bind(cmd.command('list').description('list pending and recently finished changes'), async (ctx) => {
    const records = await (await ctx.session()).api.propagation.list()
    ctx.out.result({ propagations: records }, () =>
      records.length
        ? table(
            ['ACCOUNT', 'KEY', 'CHANGE', 'STATE', 'SETTLES', 'NOTE'],
            records.map((r) => [r.accountId, r.keyId, r.op, r.state, relative(r.settleBy), r.note ?? '']),
          )
        : 'Nothing is propagating.',
    )
  })
  return cmd
}

export function rotationCommand(bind: Bind): Command {
  const cmd = new Command('rotation').description('key rotations in progress')
  bind(cmd.command('list').description('list rotations and the step each is at'), async (ctx) => {
    const rotations = await (await ctx.session()).api.rotation.list()
    ctx.out.result({ rotations }, () =>
      rotations.length
        ? table(
            ['ACCOUNT', 'OLD KEY', 'NEW KEY', 'STEP', 'STARTED', 'NOTE'],
            rotations.map((r) => [
              r.accountId,
              r.oldKeyId,
              r.newKeyId ?? '—',
              r.step,
              relative(r.startedAt),
              r.note ?? '',
            ]),
          )
        : 'No rotation in progress.',
    )
  })
  return cmd
}

export function auditCommand(bind: Bind): Command {
  const cmd = new Command('audit')
    .description('the audit log: every change made from the app or the command line, newest first')
    .option('--since <when>', 'an ISO date/time, or an age such as 30m, 12h, 7d')
    .option('--account <id>', 'only this account (id or label; removed accounts by id)')
    .option('--key <id>', 'only this key')
    .addOption(new Option('--action <action>', 'only this action').choices(AUDIT_ACTIONS))
    .option('--limit <n>', 'at most this many entries', '200')
  return bind(cmd, async (ctx, _args, opts) => {
    const since = str(opts.since) ? parseSince(str(opts.since) ?? '') : undefined
    const limit = Number(opts.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
      throw new CliExit(EXIT.usage, `--limit must be a whole number from 1 to 10000, not "${String(opts.limit)}".`)
    const api = (await ctx.session()).api
    const accountId = str(opts.account)
      ? await findAccount(ctx, opts.account).then(
          (a) => a.id,
          () => str(opts.account),
        )
      : undefined
    const entries = await api.audit.list({
      ...(since ? { since } : {}),
      ...(accountId ? { accountId } : {}),
      ...(str(opts.key) ? { keyId: str(opts.key) } : {}),
      ...(str(opts.action) ? { action: str(opts.action) as AuditAction } : {}),
      limit,
    })
    ctx.out.result({ entries }, () =>
      entries.length
        ? table(
            ['WHEN', 'FROM', 'ACTION', 'ACCOUNT', 'KEY', 'OUTCOME', 'DETAIL'],
            entries.map((e) => [
              e.at.replace('T', ' ').slice(0, 19),
              e.from,
              e.action,
              e.account ?? e.accountId ?? '',
              e.keyName ? `${e.keyId ?? ''} (${e.keyName})` : (e.keyId ?? ''),
              e.outcome === 'ok' ? 'ok' : `failed: ${e.error?.code ?? ''}`,
              e.detail ?? '',
            ]),
          )
        : 'No entries.',
    )
  })
}

/** "7d", "12h", "30m", "45s", "2w" back from now, or an ISO date/time. */
export function parseSince(text: string, now = Date.now()): string {
  const age = /^(\d+)\s*([smhdw])$/.exec(text.trim())
  if (age) {
    const unit = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 }[age[2] as 's' | 'm' | 'h' | 'd' | 'w']
    return new Date(now - Number(age[1]) * unit).toISOString()
  }
  const t = Date.parse(text)
  if (!Number.isFinite(t))
    throw new CliExit(EXIT.usage, `--since "${text}" is neither a date (2026-11-30T08:00Z) nor an age (12h).`)
  return new Date(t).toISOString()
}

// keydesk keys regenerate: a new secret for the same key (Cloudforet 2.x apps), delivered like a create's; the old
// secret stops working like a disable, within the account's window.
import { randomUUID } from 'node:crypto'
import type { Command } from 'commander'
import { descriptorOf, findAccount, str, type Bind } from '../context'
import { CliExit, EXIT } from '../exit-codes'
import { relative } from '../output'
import { confirm } from '../prompt'
import { parseExpires } from './app-options'
import { deliver, destination, DESTINATION_HELP } from './keys-create'
import { latest } from './key-json'

export function addRegenerateCommand(keys: Command, bind: Bind): void {
  bind(
    keys
      .command('regenerate')
      .description(`give a key a new secret; the old one stops working like a disable. ${DESTINATION_HELP}`)
      .requiredOption('--account <id>', 'account id or label')
      .argument('<key>', 'key id')
      .option('--keep', 'keep the new secret in the OS keychain')
      .option('--out <file>', 'write the new secret to this file, readable only by you')
      .option('--format <format>', "export format for --out (default: the service's first)")
      .option('--force', 'replace an existing --out file')
      .option('--show-secret', 'print the new secret on standard output')
      .option('--expires <days|date>', "the new secret's expiry: days from now, or a date (YYYY-MM-DD)")
      .option('-y, --yes', 'do not ask for confirmation'),
    async (ctx, [keyId = ''], opts) => {
      const account = await findAccount(ctx, opts.account)
      const d = await descriptorOf(ctx, account)
      if (!d.capabilities.regenerate)
        throw new CliExit(EXIT.usage, `${d.name} keys cannot get a new secret: rotate the key instead.`)
      const dest = destination(opts)
      const expiresAt =
        opts.expires !== undefined
          ? parseExpires(str(opts.expires) ?? '', Date.now(), d.expiry?.maxDays ?? 364)
          : undefined
      const own = account.facts.ownKeyId === keyId
      await confirm(
        `Regenerate the secret of ${keyId} in ${account.label}: programs using the old secret stop working` +
          (own ? ' (KeyDesk itself moves onto the new one at once)' : ''),
        { yes: opts.yes === true },
      )
      const api = (await ctx.session()).api
      const created = await ctx.out.progress('Regenerating the secret…', () =>
        api.keys.regenerate({
          accountId: account.id,
          keyId,
          requestId: randomUUID(),
          keep: dest.keep,
          ...(expiresAt ? { expiresAt } : {}),
        }),
      )
      const made = await deliver(ctx, api, account, created, dest, 'Regenerated the secret of')
      const p = latest(await api.propagation.list(), account.id, keyId)
      ctx.out.result({ ...made.json, propagation: p ?? null }, () =>
        [
          made.human,
          p?.state === 'propagating'
            ? `The old secret may keep working until ${p.settleBy} (${relative(p.settleBy)}); ` +
              `\`keydesk wait --account ${account.id} ${keyId}\` waits for it.`
            : 'The old secret no longer works.',
        ].join('\n'),
      )
    },
  )
}

// What every command gets: where the data lives, how to print, and a session opened on first use.
import type { Command } from 'commander'
import type { ProviderDescriptor } from '../shared/descriptor'
import type { AccountView } from '../shared/model'
import { CliExit, EXIT } from './exit-codes'
import type { Out } from './output'
import type { Session } from './session'

export interface Ctx {
  readonly out: Out
  readonly dataDir: string
  session(): Promise<Session>
  /** Ends the session early (exec, before its program runs; wait, between checks). */
  closeSession(): Promise<void>
}

export type Run = (ctx: Ctx, args: readonly string[], opts: Readonly<Record<string, unknown>>) => Promise<number | void>

/** Runs a command's action with the context; its return value is the exit code (default 0). */
export type Bind = (command: Command, run: Run) => Command

/** An account by id, by unique label (any case) or by a unique id prefix of 6+ characters. */
export async function findAccount(ctx: Ctx, ref: unknown): Promise<AccountView> {
  const wanted = typeof ref === 'string' ? ref.trim() : ''
  if (!wanted) throw new CliExit(EXIT.usage, 'Name the account with --account ID (see `keydesk accounts list`).')
  const accounts = await (await ctx.session()).api.accounts.list()
  const exact = accounts.find((a) => a.id === wanted)
  if (exact) return exact
  const byLabel = accounts.filter((a) => a.label.toLowerCase() === wanted.toLowerCase())
  const byPrefix = wanted.length >= 6 ? accounts.filter((a) => a.id.startsWith(wanted)) : []
  const matches = byLabel.length ? byLabel : byPrefix
  if (matches.length === 1 && matches[0]) return matches[0]
  if (matches.length > 1)
    throw new CliExit(EXIT.usage, `"${wanted}" names ${matches.length} accounts: use the account id instead.`)
  throw new CliExit(EXIT.usage, `No account "${wanted}" in KeyDesk. \`keydesk accounts list\` shows them.`)
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

/** What the account's service can do and how it confirms, from the provider's own descriptor. */
export async function descriptorOf(ctx: Ctx, account: AccountView): Promise<ProviderDescriptor> {
  const all = await (await ctx.session()).api.providers.list()
  const d = all.find((p) => p.id === account.provider)
  if (!d) throw new CliExit(EXIT.internal, `KeyDesk does not know the provider "${account.provider}".`)
  return d
}

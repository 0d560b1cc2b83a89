// keydesk accounts list|add|remove|check|import
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { Command, Option } from 'commander'
import { IMPORT_MAX_BYTES, IMPORT_TOO_LARGE } from '../../shared/limits'
import { PROVIDER_IDS, type AccountView, type Credential } from '../../shared/model'
import { descriptorOf, findAccount, str, type Bind } from '../context'
import { CliExit, EXIT } from '../exit-codes'
import { table } from '../output'
import { confirm, readStdin } from '../prompt'

export function accountsCommand(bind: Bind): Command {
  const accounts = new Command('accounts').description('list, add, remove, check and import accounts')

  bind(accounts.command('list').description('list every account and its last known status'), async (ctx) => {
    const list = await (await ctx.session()).api.accounts.list()
    ctx.out.result({ accounts: list.map(accountJson) }, () =>
      list.length
        ? table(
            ['ID', 'PROVIDER', 'LABEL', 'STATUS', 'ENDPOINT'],
            list.map((a) => [a.id, a.provider, a.label, a.status, a.endpoint]),
          )
        : 'No accounts yet. Add one with `keydesk accounts add` or `keydesk accounts import FILE`.',
    )
  })

  bind(
    accounts
      .command('add')
      .description('add an account; its credential is read as JSON from standard input, never from arguments')
      .addOption(new Option('--provider <provider>', 'the key service').choices(PROVIDER_IDS).makeOptionMandatory())
      .requiredOption('--label <label>', 'a name you will recognise')
      .requiredOption('--endpoint <url>', 'the service URL, as in the app')
      .addHelpText(
        'after',
        "\nCredential JSON per provider (the add-account form's fields):\n" +
          '  spaceone  {"token":"<API key, app client secret or access token>","refreshToken":"<optional>"}\n' +
          '            or {"domainName":"…","userId":"…","password":"…"} (Cloudforet 2.x sign-in; never kept)\n' +
          '            KeyDesk tells SpaceONE 1.x from Cloudforet 2.x by itself and says which it found.\n' +
          '  cloudmc   {"apiKey":"<API key>"}\n' +
          '  onqlave   {"tenantId":"<tenant>","token":"<token>"}\n' +
          '\nExample:  pass show cloudmc/ci | keydesk accounts add --provider cloudmc --label CI --endpoint https://…/api/v2',
      ),
    async (ctx, _args, opts) => {
      const credential = await credentialFromStdin(opts.provider as AccountView['provider'])
      const api = (await ctx.session()).api
      const account = await ctx.out.progress('Checking the credential with the service…', () =>
        api.accounts.add({
          provider: opts.provider as AccountView['provider'],
          label: str(opts.label) ?? '',
          endpoint: str(opts.endpoint) ?? '',
          credential,
        }),
      )
      // SpaceONE / Cloudforet: the version KeyDesk found decides the provider the account is kept under.
      const found = account.facts.version
        ? ` It runs ${(await descriptorOf(ctx, account)).name} ${account.facts.version}.`
        : ''
      ctx.out.result({ account: accountJson(account) }, () => `Added ${account.label} (${account.id}).${found}`)
    },
  )

  bind(
    accounts
      .command('remove')
      .argument('<account>', 'account id or label')
      .description('remove an account and its credential from KeyDesk (the service keeps its keys)')
      .option('-y, --yes', 'do not ask for confirmation'),
    async (ctx, [ref], opts) => {
      const account = await findAccount(ctx, ref)
      await confirm(`Remove ${account.label} (${account.id}) from KeyDesk`, { yes: opts.yes === true })
      await (await ctx.session()).api.accounts.remove({ id: account.id })
      ctx.out.result({ removed: account.id }, () => `Removed ${account.label} from KeyDesk.`)
    },
  )

  bind(
    accounts
      .command('update')
      .argument('<account>', 'account id or label')
      .description(
        'change an account: its label, endpoint, propagation window, or (from standard input) its credential',
      )
      .option('--label <label>', 'a new label')
      .option('--endpoint <url>', 'a new endpoint (a new server also needs --credential)')
      .option('--window <seconds>', 'how long a disable or delete is taken to propagate (SpaceONE)')
      .option('--credential', 'read a new credential as JSON from standard input'),
    async (ctx, [ref], opts) => {
      const account = await findAccount(ctx, ref)
      const window = opts.window === undefined ? undefined : Number(opts.window)
      if (window !== undefined && (!Number.isInteger(window) || window < 0))
        throw new CliExit(EXIT.usage, `--window must be a whole number of seconds, not "${String(opts.window)}".`)
      const credential = opts.credential === true ? await credentialFromStdin(account.provider) : undefined
      const api = (await ctx.session()).api
      const updated = await ctx.out.progress(`Updating ${account.label}…`, () =>
        api.accounts.update({
          id: account.id,
          ...(str(opts.label) ? { label: str(opts.label) } : {}),
          ...(str(opts.endpoint) ? { endpoint: str(opts.endpoint) } : {}),
          ...(window !== undefined ? { propagationWindowSec: window } : {}),
          ...(credential ? { credential } : {}),
        }),
      )
      ctx.out.result({ account: accountJson(updated) }, () => `Updated ${updated.label} (${updated.id}).`)
    },
  )

  bind(
    accounts
      .command('check')
      .argument('<account>', 'account id or label')
      .description("check the account's credential"),
    async (ctx, [ref]) => {
      const account = await findAccount(ctx, ref)
      const api = (await ctx.session()).api
      const checked = await ctx.out.progress(`Checking ${account.label}…`, () => api.accounts.check({ id: account.id }))
      ctx.out.result(
        { account: accountJson(checked) },
        () => `${checked.label}: ${checked.status}${checked.statusMessage ? ` — ${checked.statusMessage}` : ''}`,
      )
      return checked.status === 'ok' ? EXIT.ok : statusExit(checked.status)
    },
  )

  bind(
    accounts
      .command('import')
      .argument('<file>', 'a KeyDesk accounts file (JSON or YAML) with credentials')
      .description('add the accounts of a file; each is checked with its service first'),
    async (ctx, [file]) => {
      const path = file ?? ''
      let content: string
      try {
        // Checked before reading: a huge file is refused without loading it.
        if ((await stat(path)).size > IMPORT_MAX_BYTES) throw new CliExit(EXIT.usage, `${path}: ${IMPORT_TOO_LARGE}`)
        content = await readFile(path, 'utf8')
      } catch (err) {
        if (err instanceof CliExit) throw err
        throw new CliExit(EXIT.usage, `Cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`)
      }
      if (content.includes('\u0000')) throw new CliExit(EXIT.usage, `${path} is not a text file: nothing imported.`)
      const api = (await ctx.session()).api
      const result = await ctx.out.progress(`Importing ${basename(path)}…`, () =>
        api.accounts.import({ content, fileName: basename(path) }),
      )
      ctx.out.result({ added: result.added.map(accountJson), skipped: result.skipped }, () =>
        [
          `Added ${result.added.length} account${result.added.length === 1 ? '' : 's'}.`,
          ...result.added.map((a) => `  + ${a.label} (${a.id})`),
          ...result.skipped.map((s) => `  - skipped ${s.label}: ${s.reason}`),
        ].join('\n'),
      )
      return result.added.length === 0 && result.skipped.length > 0 ? EXIT.usage : EXIT.ok
    },
  )
  return accounts
}

export function accountJson(a: AccountView): Record<string, unknown> {
  return {
    id: a.id,
    provider: a.provider,
    label: a.label,
    endpoint: a.endpoint,
    status: a.status,
    ...(a.statusMessage ? { statusMessage: a.statusMessage } : {}),
    facts: a.facts,
    demo: a.demo,
    createdAt: a.createdAt,
    propagationWindowSec: a.propagationWindowSec,
  }
}

function statusExit(status: AccountView['status']): number {
  if (status === 'rejected') return EXIT.auth
  if (status === 'unreachable') return EXIT.network
  if (status === 'keychain') return EXIT.keychain
  return EXIT.internal
}

/** The add-account form's credential fields, as a JSON object on standard input; the core checks them. */
async function credentialFromStdin(provider: AccountView['provider']): Promise<Credential> {
  const text = await readStdin('the credential JSON')
  let fields: unknown
  try {
    fields = JSON.parse(text)
  } catch {
    throw new CliExit(EXIT.usage, 'Standard input is not JSON: give the credential as {"field":"value"}.')
  }
  if (!fields || typeof fields !== 'object' || Array.isArray(fields))
    throw new CliExit(EXIT.usage, 'The credential must be a JSON object, e.g. {"apiKey":"…"}.')
  return { ...fields, provider }
}

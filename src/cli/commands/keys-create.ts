// keydesk keys create / keys rotate: a new key's secret goes where the user said, before anything else happens.
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import type { AppApi } from '../../shared/api'
import type { AccountView, CreatedKey, Rotation } from '../../shared/model'
import { descriptorOf, findAccount, str, type Bind, type Ctx } from '../context'
import { CliExit, EXIT } from '../exit-codes'
import { relative } from '../output'
import { confirm } from '../prompt'
import { appInputs, withAppOptions } from './app-options'
import { keyJson, latest } from './key-json'

export interface Delivered {
  readonly json: Record<string, unknown>
  readonly human: string
}

export interface Destination {
  readonly keep: boolean
  readonly out?: string
  readonly format?: string
  readonly force: boolean
  readonly show: boolean
}

export const DESTINATION_HELP =
  'where the secret goes (at least one): --keep (the OS keychain), --out FILE (mode 0600), --show-secret (stdout)'

export function addCreateCommands(keys: Command, bind: Bind): void {
  bind(
    withAppOptions(
      keys
        .command('create')
        .description(`create a key; ${DESTINATION_HELP}`)
        .requiredOption('--account <id>', 'account id or label')
        .option('--name <name>', 'the key name (the service picks one otherwise)')
        .option('--app <id>', 'Onqlave: the application')
        .option('--arx <id>', 'Onqlave: the Arx (cluster)')
        .option('--keep', 'keep the secret in the OS keychain (for exec, env and export later)')
        .option('--out <file>', 'write the secret to this file, readable only by you')
        .option('--format <format>', "export format for --out (default: the service's first)")
        .option('--force', 'replace an existing --out file')
        .option('--show-secret', 'print the secret on standard output'),
    ),
    async (ctx, _args, opts) => {
      const account = await findAccount(ctx, opts.account)
      const dest = destination(opts)
      const app = appInputs(await descriptorOf(ctx, account), opts, Date.now())
      const api = (await ctx.session()).api
      const created = await ctx.out.progress('Creating the key…', () =>
        api.keys.create({
          accountId: account.id,
          requestId: randomUUID(),
          keep: dest.keep,
          ...(str(opts.name) ? { name: str(opts.name) } : {}),
          ...(str(opts.app) ? { applicationId: str(opts.app) } : {}),
          ...(str(opts.arx) ? { clusterId: str(opts.arx) } : {}),
          ...app,
        }),
      )
      const made = await deliver(ctx, api, account, created, dest)
      ctx.out.result(made.json, () => made.human)
    },
  )

  bind(
    keys
      .command('rotate')
      .description(
        'replace a key step by step: create the new key, switch to it, disable and delete the old one. ' +
          'Run it again to continue where it stopped.',
      )
      .requiredOption('--account <id>', 'account id or label')
      .argument('<key>', 'the key to replace')
      .option('--keep', 'keep the new secret in the OS keychain')
      .option('--out <file>', 'write the new secret to this file (mode 0600)')
      .option('--format <format>', 'export format for --out')
      .option('--force', 'replace an existing --out file')
      .option('--show-secret', 'print the new secret on standard output')
      .option('--name <name>', 'name of the new key')
      .option('-y, --yes', 'confirm that everything now uses the new key, and go on to disable and delete the old one')
      .option('--cancel', 'stop this rotation (keys stay as they are)'),
    async (ctx, [oldKeyId = ''], opts) => {
      const account = await findAccount(ctx, opts.account)
      const api = (await ctx.session()).api
      const existing = (await api.rotation.list()).find(
        (r) => r.accountId === account.id && r.oldKeyId === oldKeyId && r.step !== 'done',
      )
      if (opts.cancel) {
        if (!existing) throw new CliExit(EXIT.usage, `No rotation of ${oldKeyId} is in progress.`)
        await api.rotation.cancel({ id: existing.id })
        ctx.out.result({ cancelled: existing.id }, () => stoppedWords(existing))
        return
      }
      let r = existing ?? (await api.rotation.start({ accountId: account.id, keyId: oldKeyId }))
      // One JSON document per command: the new key's record travels with the rotation's state.
      let made: Delivered | null = null
      const stop = (next: string): number => {
        ctx.out.result({ rotation: r, next, ...(made ? { created: made.json } : {}) }, () =>
          [made?.human, `Rotation of ${r.oldKeyId} is at step "${r.step}". ${next}`].filter(Boolean).join('\n'),
        )
        return EXIT.ok
      }
      for (let guard = 0; guard < 8 && r.step !== 'done'; guard += 1) {
        if (r.step === 'create') {
          const dest = destination(opts)
          const created = await ctx.out.progress('Creating the new key…', () =>
            api.rotation.create({
              id: r.id,
              requestId: randomUUID(),
              keep: dest.keep,
              ...(str(opts.name) ? { name: str(opts.name) } : {}),
            }),
          )
          made = await deliver(ctx, api, account, created, dest)
          r = await current(api, r)
          continue
        }
        if (r.step === 'switch' && opts.yes !== true) {
          return stop(`Switch everything that uses ${r.oldKeyId} to ${r.newKeyId}, then run this again with --yes.`)
        }
        if (r.step === 'wait') {
          const p = latest(await api.propagation.list(), account.id, r.oldKeyId)
          if (p?.state === 'propagating')
            return stop(
              `${r.oldKeyId} is disabled; ${account.label}'s service may accept it until ${p.settleBy} (${relative(p.settleBy)}). ` +
                `Run this again after that (\`keydesk wait --account ${account.id} ${r.oldKeyId}\` waits for it).`,
            )
        }
        if (r.step === 'delete' && opts.yes !== true) await confirm(`Delete the old key ${r.oldKeyId}`, { yes: false })
        r = await ctx.out.progress(`Rotation: ${r.step}…`, () => api.rotation.advance({ id: r.id }))
      }
      ctx.out.result({ rotation: r, ...(made ? { created: made.json } : {}) }, () =>
        [made?.human, `Rotation finished: ${r.newKeyId ?? 'the new key'} replaced ${r.oldKeyId}.`]
          .filter(Boolean)
          .join('\n'),
      )
    },
  )
}

/** What stopping a rotation left behind, in words: on the create step, a key the service may have made. */
export function stoppedWords(r: Rotation, now = Date.now()): string {
  if (r.step !== 'create') return `Stopped rotating ${r.oldKeyId}; both keys stay as they are.`
  if (!r.createSent)
    return `Stopped rotating ${r.oldKeyId}; no new key was asked for, and ${r.oldKeyId} stays as it is.`
  return (
    `Stopped rotating ${r.oldKeyId}; it stays as it is. A new key was asked for ${relative(r.createSent.at, now)}` +
    `${r.createUnconfirmed ? ' and its answer was lost' : ''}: if the service made one, \`keydesk keys list\` shows it.`
  )
}

export function destination(opts: Readonly<Record<string, unknown>>): Destination {
  const dest: Destination = {
    keep: opts.keep === true,
    out: str(opts.out) ? resolve(str(opts.out) ?? '') : undefined,
    format: str(opts.format),
    force: opts.force === true,
    show: opts.showSecret === true,
  }
  if (!dest.keep && !dest.out && !dest.show) {
    throw new CliExit(
      EXIT.usage,
      `A new key's secret is shown only once: say ${DESTINATION_HELP}. Nothing was created.`,
    )
  }
  if (dest.format && !dest.out) throw new CliExit(EXIT.usage, '--format goes with --out FILE. Nothing was created.')
  // Checked before the key exists, so a file in the way cannot cost the only copy of its secret.
  if (dest.out && existsSync(dest.out) && !dest.force) {
    throw new CliExit(
      EXIT.usage,
      `${dest.out} already exists: choose another name or add --force. Nothing was created.`,
    )
  }
  return dest
}

/** Puts a new secret where the user said; `verb` for the words ("Regenerated the secret of"). */
export async function deliver(
  ctx: Ctx,
  api: AppApi,
  account: AccountView,
  created: CreatedKey,
  dest: Destination,
  verb = 'Created',
): Promise<Delivered> {
  try {
    let savedTo: string | undefined
    if (dest.out) {
      const format = dest.format ?? created.exports[0]?.id
      if (!format) throw new CliExit(EXIT.service, 'This service offers no export file; the secret was not written.')
      savedTo = (await api.keys.exportTo({ handle: created.handle, format, path: dest.out, overwrite: dest.force }))
        .savedTo
    }
    const secret = dest.show ? Object.fromEntries(created.parts.map((p) => [p.label, p.value])) : undefined
    return {
      json: {
        key: keyJson(created.key, account),
        kept: created.kept,
        exports: created.exports.map((e) => e.id),
        ...(savedTo ? { savedTo } : {}),
        ...(secret ? { secret } : {}),
      },
      human: [
        `${verb} ${created.key.keyId}${created.key.name ? ` "${created.key.name}"` : ''} in ${account.label}.`,
        ...(created.kept ? ['Its secret is kept in the OS keychain.'] : []),
        ...(savedTo ? [`Its secret is in ${savedTo} (readable only by you).`] : []),
        ...(secret ? created.parts.map((p) => `${p.label}: ${p.value}`) : []),
      ].join('\n'),
    }
  } catch (err) {
    if (!created.kept)
      ctx.out.note(
        verb === 'Created'
          ? `The key ${created.key.keyId} was created, but its secret was not saved: delete it and create another.`
          : `The key ${created.key.keyId} has a new secret, but it was not saved: regenerate it again.`,
      )
    throw err
  } finally {
    await api.secrets.release({ handle: created.handle }).catch(() => undefined)
  }
}

async function current(api: AppApi, r: Rotation): Promise<Rotation> {
  return (await api.rotation.list()).find((x) => x.id === r.id) ?? r
}

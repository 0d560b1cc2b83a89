// What a key is made with besides its name, where its service asks for it (Cloudforet 2.x apps): a role, a
// workspace or project, tags and an expiry. Checked against the provider's descriptor before anything is sent.
import { Option, type Command } from 'commander'
import type { CreateField, ProviderDescriptor } from '../../shared/descriptor'
import { CliExit, EXIT } from '../exit-codes'
import { str } from '../context'

const DAY = 86_400_000

export interface AppInputs {
  roleId?: string
  workspaceId?: string
  projectId?: string
  tags?: Record<string, string>
  expiresAt?: string
}

/** The options `keys create` and `keys rotate` take for them. */
export function withAppOptions(command: Command): Command {
  return command
    .option('--role <id>', 'Cloudforet 2.x: the role the app acts with (`keydesk keys options` lists them)')
    .option('--workspace <id>', 'Cloudforet 2.x: the workspace of a workspace or project app')
    .option('--project <id>', 'Cloudforet 2.x: the project of a project app')
    .addOption(
      new Option('--tag <key=value>', 'a tag (repeat for more)').argParser((v: string, all: string[] = []) => [
        ...all,
        v,
      ]),
    )
    .option('--expires <days|date>', 'when the key stops working: days from now, or a date (YYYY-MM-DD)')
}

/** The app inputs the options give; a usage error (nothing created) for one the service does not take. */
export function appInputs(d: ProviderDescriptor, opts: Readonly<Record<string, unknown>>, now: number): AppInputs {
  const asks = new Set(d.create.fields.map((f) => f.name))
  // A project app is made in its workspace: --project goes where the form asks for a workspace.
  const given: readonly [string, boolean, CreateField['name']][] = [
    ['--role', opts.role !== undefined, 'roleId'],
    ['--workspace', opts.workspace !== undefined, 'workspaceId'],
    ['--project', opts.project !== undefined, 'workspaceId'],
    ['--tag', opts.tag !== undefined, 'tags'],
    ['--expires', opts.expires !== undefined, 'expiresAt'],
  ]
  for (const [flag, present, field] of given) {
    if (present && !asks.has(field))
      throw new CliExit(EXIT.usage, `${d.name} keys take no ${flag}. Nothing was created.`)
  }
  const out: AppInputs = {}
  if (str(opts.role)) out.roleId = str(opts.role)
  if (str(opts.workspace)) out.workspaceId = str(opts.workspace)
  if (str(opts.project)) out.projectId = str(opts.project)
  if (Array.isArray(opts.tag)) out.tags = parseTags(opts.tag as string[])
  if (opts.expires !== undefined) out.expiresAt = parseExpires(str(opts.expires) ?? '', now, d.expiry?.maxDays ?? 364)
  return out
}

function parseTags(pairs: readonly string[]): Record<string, string> {
  const tags: Record<string, string> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at <= 0) throw new CliExit(EXIT.usage, `--tag ${pair}: write it as key=value. Nothing was created.`)
    tags[pair.slice(0, at).trim()] = pair.slice(at + 1).trim()
  }
  return tags
}

/** Days from now (a whole number) or a date (midnight UTC); after now and at most `maxDays` ahead. ISO-8601 UTC. */
export function parseExpires(value: string, now: number, maxDays: number): string {
  const text = value.trim()
  const at = /^\d+$/.test(text)
    ? now + Number(text) * DAY
    : /^\d{4}-\d\d-\d\d$/.test(text)
      ? Date.parse(`${text}T00:00:00Z`)
      : Number.NaN
  if (Number.isNaN(at))
    throw new CliExit(
      EXIT.usage,
      `--expires ${value}: give days from now (30) or a date (2027-01-31). Nothing was created.`,
    )
  if (at <= now) throw new CliExit(EXIT.usage, `--expires ${value} is not in the future. Nothing was created.`)
  if (at > now + maxDays * DAY)
    throw new CliExit(
      EXIT.usage,
      `--expires ${value} is more than ${maxDays} days ahead, the longest the service allows. Nothing was created.`,
    )
  return new Date(at).toISOString()
}

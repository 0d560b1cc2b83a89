// Which requests are changes worth a line in the audit log, and what the line says. Only named, non-secret fields
// are copied: never an input or a result as a whole, since those carry credentials and secrets.
import type { Channel, Reply } from '../../shared/api'
import type { AuditAction, AuditEntry, AuditOrigin } from '../../shared/audit'
import type { Account } from '../../shared/model'
import type { AuditLog } from './audit'

type Fields = Readonly<Record<string, unknown>>

const ACTION: Partial<Record<Channel, AuditAction>> = {
  'accounts.add': 'account.add',
  'accounts.update': 'account.update',
  'accounts.remove': 'account.remove',
  'accounts.import': 'account.add',
  'keys.create': 'key.create',
  'keys.enable': 'key.enable',
  'keys.disable': 'key.disable',
  'keys.rename': 'key.rename',
  'keys.delete': 'key.delete',
  'keys.copySecret': 'key.copy',
  'keys.export': 'key.export',
  'keys.keepSecret': 'key.keep',
  'keys.forgetSecret': 'key.forget',
  'keys.exportTo': 'key.export',
  'keys.secretForProgram': 'key.exec',
  'rotation.start': 'rotation.start',
  'rotation.create': 'rotation.create',
  'rotation.advance': 'rotation.advance',
  'rotation.cancel': 'rotation.cancel',
}

export class AuditTrail {
  constructor(
    private readonly log: AuditLog,
    private readonly account: (id: string) => Account | undefined,
    private readonly rotationAccount: (id: string) => { accountId: string; oldKeyId: string } | undefined,
    private readonly report: (line: string) => void,
  ) {}

  /** Called before the request runs (a removed account's label is gone afterwards); returns what to call after. */
  begin(channel: Channel, input: Fields, from: AuditOrigin): ((reply: Reply) => void) | null {
    const action = ACTION[channel]
    if (!action) return null
    const rotation = typeof input.id === 'string' ? this.rotationAccount(input.id) : undefined
    const accountId =
      str(input.accountId) ?? rotation?.accountId ?? (channel.startsWith('accounts.') ? str(input.id) : undefined)
    const account = accountId ? this.account(accountId) : undefined
    const base: Omit<AuditEntry, 'at' | 'outcome'> = {
      from,
      action: refine(channel, action, input),
      ...(accountId ? { accountId } : {}),
      ...(account ? { account: account.label, provider: account.provider } : {}),
      ...((str(input.keyId) ?? rotation?.oldKeyId) ? { keyId: str(input.keyId) ?? rotation?.oldKeyId } : {}),
      ...(detailOf(channel, input) ? { detail: detailOf(channel, input) } : {}),
    }
    return (reply) => {
      try {
        for (const entry of entries(channel, base, reply)) this.log.append(entry)
      } catch (err) {
        // The change happened; only its record failed. Say so where the operator looks, without the entry's content.
        this.report(`audit log: could not append (${(err as NodeJS.ErrnoException).code ?? 'error'})`)
      }
    }
  }
}

function entries(channel: Channel, base: Omit<AuditEntry, 'at' | 'outcome'>, reply: Reply): AuditEntry[] {
  const at = new Date().toISOString()
  if (!reply.ok) {
    const e = (reply.error ?? {}) as Fields
    const error = {
      code: str(e.code) ?? 'INTERNAL',
      message: typeof e.message === 'string' ? clip(e.message, 300) : '',
    }
    return [{ at, ...base, outcome: 'failed', error }]
  }
  const value = (reply.value ?? {}) as Fields
  if (channel === 'accounts.import') {
    const added = Array.isArray(value.added) ? (value.added as Fields[]) : []
    return added.map((a) => ({ at, ...base, outcome: 'ok', ...accountFields(a) }))
  }
  if (channel === 'accounts.add') return [{ at, ...base, outcome: 'ok', ...accountFields(value) }]
  const key = (value.key ?? (typeof value.keyId === 'string' ? value : undefined)) as Fields | undefined
  const newKey = str(value.newKeyId)
  return [
    {
      at,
      ...base,
      outcome: 'ok',
      ...(key && str(key.keyId) ? { keyId: str(key.keyId), ...(str(key.name) ? { keyName: str(key.name) } : {}) } : {}),
      ...(channel.startsWith('rotation.') && (str(value.step) || newKey)
        ? {
            detail: [str(value.step) && `step ${str(value.step)}`, newKey && `new key ${newKey}`]
              .filter(Boolean)
              .join(', '),
          }
        : {}),
    },
  ]
}

function refine(channel: Channel, action: AuditAction, input: Fields): AuditAction {
  if (channel === 'accounts.update' && input.credential) return 'account.credential'
  if (channel === 'keys.secretForProgram' && input.purpose === 'env') return 'key.env'
  return action
}

function accountFields(a: Fields): Partial<AuditEntry> {
  return {
    ...(str(a.id) ? { accountId: str(a.id) } : {}),
    ...(str(a.label) ? { account: str(a.label) } : {}),
    ...(str(a.provider) ? { provider: str(a.provider) } : {}),
  }
}

function detailOf(channel: Channel, input: Fields): string | undefined {
  if (channel === 'keys.export' || channel === 'keys.exportTo') return str(input.format)
  if (channel === 'keys.secretForProgram') return [str(input.purpose), str(input.program)].filter(Boolean).join(': ')
  if (channel === 'keys.copySecret') return str(input.part)
  if (channel === 'keys.rename') return str(input.name) && `renamed to ${str(input.name)}`
  if ('handle' in input && !('keyId' in input)) return 'a newly created key'
  return undefined
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? clip(v, 200) : undefined
}

/** At most `max` characters: a longer text ends at a word, with "…", so a cut line never reads as the whole. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  // A cut never leaves half of a character made of two code units (an emoji).
  const cut = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`
}

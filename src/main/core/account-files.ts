// Importing accounts from the files people already have; exporting them without credentials.
import { parse as parseYaml } from 'yaml'
import { requests } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { Account, AccountView, ProviderId } from '../../shared/model'
import { providers } from '../providers'
import type { ImportedAccount } from '../providers/provider'
import { PROVIDER_IDS } from '../../shared/model'
import type { Accounts } from './accounts'
import { toNewAccount } from './demo'

type Json = Record<string, unknown>

/** Recognises the sandbox's first-line JSON, then whatever each provider's adapter recognises as its own. */
export function parseAccountFile(content: string, fileName = ''): ImportedAccount[] {
  let doc: unknown
  try {
    doc = content.trim().startsWith('{') ? JSON.parse(content) : parseYaml(content)
  } catch {
    throw new AppError('INVALID_INPUT', `${fileName || 'The file'} is neither JSON nor YAML that KeyDesk can read.`)
  }
  if (!doc || typeof doc !== 'object') throw new AppError('INVALID_INPUT', 'The file holds no accounts.')
  const d = doc as Json
  const rows: unknown = d.accounts
  if (Array.isArray(rows) && rows.every((a) => isObject(a) && isObject(a.credentials))) {
    return (d.accounts as Json[])
      .filter((a) => PROVIDER_IDS.includes(a.provider as ProviderId))
      .map((a) => toNewAccount(a as never))
  }
  for (const provider of Object.values(providers)) {
    const found = provider.recognise?.(d)
    if (found) return [...found]
  }
  const kinds = ['a sandbox account line', ...Object.values(providers).map((p) => p.descriptor.importHint)]
  const named = kinds.filter((k) => k !== '')
  const last = named.pop() ?? ''
  throw new AppError(
    'INVALID_INPUT',
    `KeyDesk did not recognise this file. It reads ${named.join(', ')}${named.length ? ', or ' : ''}${last}.`,
  )
}

function isObject(v: unknown): v is Json {
  return !!v && typeof v === 'object'
}

export async function importAccounts(
  accounts: Accounts,
  content: string,
  fileName?: string,
): Promise<{ added: AccountView[]; skipped: { label: string; reason: string }[] }> {
  const added: AccountView[] = []
  const skipped: { label: string; reason: string }[] = []
  for (const c of parseAccountFile(content, fileName)) {
    // A file is input like any other: each account meets the same schema as one added by hand.
    const checked = requests['accounts.add'].input.safeParse(c)
    if (!checked.success) {
      skipped.push({
        label: String(c.label).slice(0, 80),
        reason: checked.error.issues[0]?.message ?? 'its fields are not valid',
      })
      continue
    }
    try {
      added.push(await accounts.add(checked.data))
    } catch (err) {
      skipped.push({ label: c.label, reason: err instanceof AppError ? err.message : 'could not be added' })
    }
  }
  return { added, skipped }
}

export function exportAccounts(list: readonly Account[]): { fileName: string; content: string } {
  const rows = list
    .filter((a) => !a.demo)
    .map(({ provider, label, endpoint, facts, propagationWindowSec, refreshIntervalSec }) => ({
      provider,
      label,
      endpoint,
      facts,
      propagationWindowSec,
      refreshIntervalSec,
    }))
  return { fileName: 'keydesk-accounts.json', content: `${JSON.stringify({ keydesk: 1, accounts: rows }, null, 2)}\n` }
}

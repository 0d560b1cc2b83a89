// Importing accounts from the files people already have; exporting them without credentials.
import { parse as parseYaml } from 'yaml'
import { requests } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { Account, AccountView, Credential, ProviderId } from '../../shared/model'
import { PROVIDER_IDS } from '../../shared/model'
import type { Accounts } from './accounts'
import { toNewAccount } from './demo'

interface Candidate {
  provider: ProviderId
  label: string
  endpoint: string
  credential: Credential
}

type Json = Record<string, unknown>
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

/** Recognises: the sandbox's first-line JSON, a SpaceONE spacectl_config (YAML), an Onqlave credentials JSON, a KeyDesk export. */
export function parseAccountFile(content: string, fileName = ''): Candidate[] {
  let doc: unknown
  try {
    doc = content.trim().startsWith('{') ? JSON.parse(content) : parseYaml(content)
  } catch {
    throw new AppError('INVALID_INPUT', `${fileName || 'The file'} is neither JSON nor YAML that KeyDesk can read.`)
  }
  if (!doc || typeof doc !== 'object') throw new AppError('INVALID_INPUT', 'The file holds no accounts.')
  const d = doc as Json
  if (
    Array.isArray(d.accounts) &&
    d.accounts.every((a) => a && typeof a === 'object' && a.credentials && typeof a.credentials === 'object')
  ) {
    return (d.accounts as Json[])
      .filter((a) => PROVIDER_IDS.includes(a.provider as ProviderId))
      .map((a) => toNewAccount(a as never))
  }
  if (typeof d.api_key === 'string' && d.endpoints && typeof d.endpoints === 'object') {
    const identity = str((d.endpoints as Json).identity)
    return [
      {
        provider: 'spaceone',
        label: 'SpaceONE (imported)',
        credential: { provider: 'spaceone', token: d.api_key.trim() },
        endpoint: consoleApiFromIdentity(identity),
      },
    ]
  }
  const onq = Array.isArray(d.credentials) ? (d.credentials[0] as Json) : d
  if (str(onq.tenant_id) && (str(onq.auth_key) || str(onq.token))) {
    return [
      {
        provider: 'onqlave',
        label: 'Onqlave (imported)',
        endpoint: str(onq.endpoint) || str(onq.base_url) || 'https://api.onqlave.com',
        credential: { provider: 'onqlave', tenantId: str(onq.tenant_id), token: str(onq.auth_key) || str(onq.token) },
      },
    ]
  }
  if (str(onq.arx_url) && str(onq.access_key)) {
    throw new AppError(
      'INVALID_INPUT',
      'This is an Onqlave API-key credentials file (for the SDKs). KeyDesk needs the ' +
        "management token and tenant id (the CLI's auth_key and tenant_id) to add an Onqlave account.",
    )
  }
  throw new AppError(
    'INVALID_INPUT',
    'KeyDesk did not recognise this file. It reads a sandbox account line, ' +
      'a SpaceONE spacectl_config, or an Onqlave auth file with tenant_id and auth_key.',
  )
}

/** spacectl endpoints are gRPC; the console-api REST base is the user's to confirm, so keep the host only. */
function consoleApiFromIdentity(identity: string): string {
  const m = /^grpc(\+ssl)?:\/\/([^/:]+)/.exec(identity)
  return m ? `https://${m[2]}` : ''
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

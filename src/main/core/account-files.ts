// Importing accounts from the files people already have; exporting them without credentials.
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { requests, type ImportResult } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { Account, AccountView, Credential, ProviderId } from '../../shared/model'
import { PROVIDER_IDS } from '../../shared/model'
import { providers } from '../providers'
import type { ImportedAccount } from '../providers/provider'
import { sameOwner, type Accounts } from './accounts'
import { toNewAccount } from './demo'
import { Sealed, seal, unseal } from './export-crypto'
import { requireSafeEndpoint } from '../net/http'

type Json = Record<string, unknown>

/** More accounts than anyone keeps in one file: each is checked with its service, one after another. */
export const IMPORT_MAX_ACCOUNTS = 200

export interface ImportRequest {
  readonly content: string
  readonly fileName?: string
  readonly endpoints?: readonly string[]
  readonly passphrase?: string
}

/** What ends an import early: the user's cancel, or its time running out. The accounts not reached are skipped. */
export interface ImportStop {
  readonly signal?: AbortSignal
  /** Why the signal fired, in words for each account it left out. */
  readonly reason?: () => string
}

function stopped(stop: ImportStop): string | null {
  return stop.signal?.aborted ? (stop.reason?.() ?? 'Not added: the import was cancelled.') : null
}

/** An account of a KeyDesk export: settings only, never a credential. */
const ExportedAccount = z.object({
  provider: z.enum(PROVIDER_IDS),
  label: z.string().trim().min(1).max(80),
  endpoint: z.string().trim().min(1).max(500),
  facts: z.record(z.string(), z.string()).optional(),
  propagationWindowSec: z.number().int().min(0).max(86_400).optional(),
  refreshIntervalSec: z.number().int().min(0).max(86_400).optional(),
})
type ExportedAccount = z.infer<typeof ExportedAccount>

/** What a file holds: accounts complete or waiting for a credential, from a KeyDesk export or another tool's file. */
interface ParsedFile {
  readonly found: readonly ImportedAccount[]
  /** The export's own settings per account (window, refresh, facts), by index into `found`. */
  readonly exported: ReadonlyMap<number, ExportedAccount>
  /** An export with credentials: they open only with the passphrase it was made with. */
  readonly sealed?: Sealed
}

/** Recognises a KeyDesk export, the sandbox's first-line JSON, then whatever each provider's adapter recognises. */
export function parseAccountFile(content: string, fileName = ''): ImportedAccount[] {
  return [...parseFile(content, fileName).found]
}

function parseFile(content: string, fileName: string): ParsedFile {
  let doc: unknown
  try {
    doc = content.trim().startsWith('{') ? JSON.parse(content) : parseYaml(content)
  } catch {
    throw new AppError('INVALID_INPUT', `${fileName || 'The file'} is neither JSON nor YAML that KeyDesk can read.`)
  }
  if (!doc || typeof doc !== 'object') throw new AppError('INVALID_INPUT', 'The file holds no accounts.')
  const d = doc as Json
  if (d.keydesk === 1 && Array.isArray(d.accounts)) return keydeskExport(d.accounts, d.credentials)
  const rows: unknown = d.accounts
  if (Array.isArray(rows) && rows.every((a) => isObject(a) && isObject(a.credentials))) {
    const found = (d.accounts as Json[])
      .filter((a) => PROVIDER_IDS.includes(a.provider as ProviderId))
      .map((a) => toNewAccount(a as never))
    return { found, exported: new Map() }
  }
  for (const provider of Object.values(providers)) {
    const found = provider.recognise?.(d)
    if (found) return { found, exported: new Map() }
  }
  const kinds = [
    'a KeyDesk export',
    'a sandbox account line',
    ...Object.values(providers).map((p) => p.descriptor.importHint),
  ]
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

function keydeskExport(rows: readonly unknown[], credentials: unknown): ParsedFile {
  const found: ImportedAccount[] = []
  const exported = new Map<number, ExportedAccount>()
  for (const row of rows) {
    const parsed = ExportedAccount.safeParse(row)
    if (!parsed.success) continue
    exported.set(found.length, parsed.data)
    found.push({ provider: parsed.data.provider, label: parsed.data.label, endpoint: parsed.data.endpoint })
  }
  if (found.length === 0) throw new AppError('INVALID_INPUT', 'This KeyDesk export holds no accounts KeyDesk can read.')
  if (credentials === undefined) return { found, exported }
  const sealed = Sealed.safeParse(credentials)
  if (!sealed.success) throw new AppError('INVALID_INPUT', 'The credentials in this KeyDesk export are damaged.')
  return { found, exported, sealed: sealed.data }
}

/** The credentials a sealed export holds, by account index; null where an account had none. */
async function opened(sealed: Sealed, passphrase: string, count: number): Promise<readonly unknown[]> {
  const list: unknown = JSON.parse(await unseal(sealed, passphrase))
  if (!Array.isArray(list) || list.length !== count)
    throw new AppError('INVALID_INPUT', 'The credentials in this KeyDesk export do not match its accounts.')
  return list as readonly unknown[]
}

/**
 * Adds every account of a file. When the file lacks an account's address, nothing is added: the answer names what
 * to ask (`needs`), and the same call with `endpoints` (by index) completes it.
 */
export async function importAccounts(
  accounts: Accounts,
  file: ImportRequest,
  stop: ImportStop = {},
): Promise<ImportResult> {
  const { content, fileName, endpoints = [], passphrase } = file
  const parsed = parseFile(content, fileName ?? '')
  if (parsed.found.length > IMPORT_MAX_ACCOUNTS) {
    throw new AppError(
      'INVALID_INPUT',
      `${fileName || 'The file'} holds ${parsed.found.length} accounts; KeyDesk imports at most ` +
        `${IMPORT_MAX_ACCOUNTS} at a time. Split the file, then import each part.`,
    )
  }
  const { exported, sealed } = parsed
  if (sealed && !passphrase) return { added: [], skipped: [], needs: [], needsPassphrase: true }
  const credentials = sealed && passphrase ? await opened(sealed, passphrase, parsed.found.length) : []
  const found = parsed.found.map((c, i) => {
    const credential = credentials[i]
    return credential && typeof credential === 'object' ? { ...c, credential: credential as Credential } : c
  })
  const needs = found.flatMap((c, index) =>
    c.endpoint || endpoints[index]?.trim()
      ? []
      : [{ index, provider: c.provider, label: c.label, hint: c.endpointHint ?? 'Enter its endpoint URL.' }],
  )
  if (needs.length > 0) return { added: [], skipped: [], needs, needsPassphrase: false }

  const added: AccountView[] = []
  const skipped: { label: string; reason: string }[] = []
  for (const [index, c] of found.entries()) {
    const endpoint = c.endpoint || endpoints[index]?.trim() || ''
    const why = stopped(stop)
    if (why !== null) {
      skipped.push({ label: c.label.slice(0, 80), reason: why })
      continue
    }
    try {
      added.push(
        c.credential
          ? await addComplete(accounts, { ...c, endpoint, credential: c.credential }, stop.signal)
          : addWaiting(accounts, { ...c, endpoint }, exported.get(index)),
      )
    } catch (err) {
      skipped.push({
        label: c.label.slice(0, 80),
        reason: stopped(stop) ?? (err instanceof AppError ? err.message : 'could not be added'),
      })
    }
  }
  return { added, skipped, needs: [], needsPassphrase: false }
}

async function addComplete(
  accounts: Accounts,
  c: Required<Omit<ImportedAccount, 'endpointHint'>>,
  signal: AbortSignal | undefined,
) {
  // A file is input like any other: each account meets the same schema as one added by hand.
  const checked = requests['accounts.add'].input.safeParse(c)
  if (!checked.success)
    throw new AppError('INVALID_INPUT', checked.error.issues[0]?.message ?? 'its fields are not valid')
  return accounts.add(checked.data, signal)
}

function addWaiting(accounts: Accounts, c: ImportedAccount, saved: ExportedAccount | undefined): AccountView {
  const endpoint = requireSafeEndpoint(c.endpoint)
  const facts = saved?.facts ?? {}
  const known = Object.keys(facts).length > 0
  const duplicate = accounts
    .all()
    .find(
      (a) =>
        a.provider === c.provider &&
        a.endpoint === endpoint &&
        (known ? sameOwner(a.facts, facts) : a.label === c.label),
    )
  if (duplicate) throw new AppError('CONFLICT', `It is already in KeyDesk as "${duplicate.label}".`)
  const defaults = accounts.defaults()
  return accounts.addWithoutCredential({
    provider: c.provider,
    label: c.label,
    endpoint,
    facts,
    propagationWindowSec: saved?.propagationWindowSec ?? defaults.propagationWindowSec,
    refreshIntervalSec: saved?.refreshIntervalSec ?? defaults.refreshIntervalSec,
  })
}

/**
 * Accounts without credentials; with a passphrase, their credentials too, sealed with it. An account whose credential
 * cannot be read is exported without one and arrives waiting for it.
 */
export async function exportAccounts(
  list: readonly Account[],
  sealWith?: { readonly passphrase: string; readonly credential: (a: Account) => Promise<Credential> },
): Promise<{ fileName: string; content: string }> {
  const mine = list.filter((a) => !a.demo)
  const rows = mine.map(({ provider, label, endpoint, facts, propagationWindowSec, refreshIntervalSec }) => ({
    provider,
    label,
    endpoint,
    facts,
    propagationWindowSec,
    refreshIntervalSec,
  }))
  if (!sealWith) {
    return {
      fileName: 'keydesk-accounts.json',
      content: `${JSON.stringify({ keydesk: 1, accounts: rows }, null, 2)}\n`,
    }
  }
  const credentials = await Promise.all(mine.map((a) => sealWith.credential(a).catch(() => null)))
  const sealed = await seal(JSON.stringify(credentials), sealWith.passphrase)
  return {
    fileName: 'keydesk-accounts-sealed.json',
    content: `${JSON.stringify({ keydesk: 1, accounts: rows, credentials: sealed }, null, 2)}\n`,
  }
}

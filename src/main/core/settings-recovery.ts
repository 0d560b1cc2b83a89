// A settings file that cannot be used is kept aside, never deleted, and the newest good state takes its place.
// The good state is the copy written after every successful write (`<file>.bak`), so a broken file costs nothing.
import { accessSync, constants, copyFileSync, existsSync, lstatSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'

export interface Opened<E> {
  readonly engine: E
  readonly recovery: string | null
}

/** Why a file cannot be the settings, or null when it can be handed to the engine. */
export function inspectSettingsFile(file: string): string | null {
  let stat
  try {
    stat = lstatSync(file)
  } catch (err) {
    return codeOf(err) === 'ENOENT' ? null : `it cannot be examined (${codeOf(err)})`
  }
  if (stat.isDirectory()) return 'a folder is in its place'
  if (!stat.isFile()) return 'it is not a regular file'
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    return `it cannot be read (${codeOf(err)})`
  }
  if (text.trim() === '') return 'it is empty'
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return 'it is not complete JSON (it may have been cut off)'
  }
  if (value === null) return 'it holds null instead of settings'
  if (Array.isArray(value)) return 'it holds a list instead of settings'
  if (typeof value !== 'object') return 'it holds no settings'
  return null
}

export function openRecovering<E>(dataDir: string, fileName: string, open: () => E): Opened<E> {
  const path = join(dataDir, fileName)
  let problem = inspectSettingsFile(path)
  if (!problem) {
    try {
      const engine = open()
      if (existsSync(path) && !existsSync(goodCopyOf(path)))
        new GoodCopy(path).update(accountCount(readFileSync(path, 'utf8')))
      return { engine, recovery: readOnlyNotice(path) }
    } catch (err) {
      problem = describeOpenError(err)
    }
  }
  const aside = keepAside(path)
  const good = goodCopyOf(path)
  const goodProblem = existsSync(good) ? inspectSettingsFile(good) : 'there is none'
  if (!goodProblem) {
    copyFileSync(good, path)
    try {
      return { engine: open(), recovery: told(problem, aside, 'the last good state was restored.') }
    } catch (err) {
      keepAside(good)
      rmSync(path, { force: true })
      problem = `${problem}; its last good copy was unusable too (${describeOpenError(err)})`
    }
  }
  return {
    engine: open(),
    recovery: told(
      problem,
      aside,
      'no good copy was found, so KeyDesk started with empty settings. ' +
        'Credentials stay in the keychain: Repair lists them.',
    ),
  }
}

/**
 * The last good state, copied after every successful write: the state a later recovery restores. Writes made in one
 * turn of the event loop (a thousand propagation records tracked at once) share one copy of the last of them.
 */
export class GoodCopy {
  private readonly file: string
  private accounts: number | null = null
  private pending: number | null = null
  private scheduled = false

  constructor(private readonly path: string) {
    this.file = goodCopyOf(path)
  }

  /** `accounts`: how many accounts the state just written holds, or null when the write did not change them. */
  update(accounts: number | null): void {
    if (this.scheduled) {
      this.pending = accounts ?? this.pending
      return
    }
    this.scheduled = true
    this.pending = accounts
    queueMicrotask(() => this.flush())
  }

  private countInCopy(): number {
    return existsSync(this.file) ? accountCount(readFileSync(this.file, 'utf8')) : 0
  }

  private flush(): void {
    this.accounts ??= this.countInCopy()
    const accounts = this.pending ?? this.accounts
    this.pending = null
    this.scheduled = false
    try {
      // An empty state never replaces a copy that holds accounts: that copy moves one generation back instead.
      if (accounts === 0 && this.accounts > 0) renameSync(this.file, `${this.file}.1`)
      const tmp = `${this.file}.${process.pid}.tmp`
      copyFileSync(this.path, tmp)
      renameSync(tmp, this.file)
      this.accounts = accounts
    } catch {
      // The write itself succeeded; a missing good copy only weakens a later recovery.
    }
  }
}

export function goodCopyOf(path: string): string {
  return `${path}.bak`
}

function keepAside(path: string): string | null {
  if (!existsSync(path) && !isDanglingLink(path)) return null
  const aside = `${path}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`
  try {
    renameSync(path, aside)
  } catch (err) {
    throw new AppError(
      'PERMISSION_DENIED',
      `KeyDesk cannot use its settings file ${path} and cannot move it aside (${codeOf(err)}). ` +
        'Make its folder writable, or move the file away yourself, then start KeyDesk again.',
    )
  }
  return aside
}

function told(problem: string, aside: string | null, outcome: string): string {
  return `Your settings file could not be used: ${problem}. ${aside ? `It was kept as ${aside}, and ` : ''}${outcome}`
}

function readOnlyNotice(path: string): string | null {
  try {
    if (existsSync(path)) accessSync(path, constants.W_OK)
    return null
  } catch {
    return `Your settings file ${path} is read-only: KeyDesk works, but cannot save changes until it is writable.`
  }
}

function describeOpenError(err: unknown): string {
  if (err instanceof Error && err.message.startsWith('Config schema violation'))
    return `it does not match KeyDesk's settings (${err.message.slice('Config schema violation: '.length, 160)})`
  if (err instanceof Error && err.name === 'SyntaxError') return 'it is not complete JSON (it may have been cut off)'
  return `it cannot be read (${codeOf(err)})`
}

function accountCount(text: string): number {
  try {
    const value = JSON.parse(text) as { accounts?: unknown }
    return Array.isArray(value?.accounts) ? value.accounts.length : 0
  } catch {
    return 0
  }
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

function codeOf(err: unknown): string {
  const code = err && typeof err === 'object' && 'code' in err ? err.code : undefined
  return typeof code === 'string' ? code : 'unknown error'
}

// The audit log on disk: append-only JSON lines, shared by the app and the CLI, rotated by size.
// Each entry is one write with O_APPEND, so lines from two processes never interleave.
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { AUDIT_ACTIONS, type AuditEntry, type AuditQuery } from '../../shared/audit'

export const AUDIT_FILE = 'audit.jsonl'
const MAX_BYTES = 1024 * 1024
/** Rotated files kept beside the live one: audit.jsonl.1 (newest) … audit.jsonl.3 (oldest). */
const KEEP = 3
const DEFAULT_LIMIT = 500
const MAX_LIMIT = 10_000

export class AuditLog {
  readonly path: string

  constructor(
    dataDir: string,
    private readonly maxBytes = MAX_BYTES,
  ) {
    this.path = join(dataDir, AUDIT_FILE)
  }

  append(entry: AuditEntry): void {
    this.rotateIfFull()
    appendFileSync(this.path, `${JSON.stringify(entry)}\n`, { encoding: 'utf8', mode: 0o600, flag: 'a' })
  }

  /** Newest first. A damaged line (a crash mid-write, a hand edit) is skipped rather than failing the whole read. */
  read(query: AuditQuery = {}): AuditEntry[] {
    const since = query.since ? Date.parse(query.since) : Number.NEGATIVE_INFINITY
    const limit = Math.min(query.limit ?? DEFAULT_LIMIT, MAX_LIMIT)
    const out: AuditEntry[] = []
    for (const file of this.files()) {
      const lines = readLines(file)
      for (let i = lines.length - 1; i >= 0; i -= 1) {
        const entry = parseEntry(lines[i] ?? '')
        if (!entry) continue
        if (Date.parse(entry.at) < since) continue
        if (query.accountId && entry.accountId !== query.accountId) continue
        if (query.keyId && entry.keyId !== query.keyId) continue
        if (query.action && entry.action !== query.action) continue
        out.push(entry)
        if (out.length >= limit) return out
      }
    }
    return out
  }

  /** The live file first, then the rotated ones from newest to oldest. */
  private files(): string[] {
    const names = [this.path, ...Array.from({ length: KEEP }, (_, i) => `${this.path}.${i + 1}`)]
    return names.filter((f) => existsSync(f))
  }

  private rotateIfFull(): void {
    let size = 0
    try {
      size = statSync(this.path).size
    } catch {
      return
    }
    if (size < this.maxBytes) return
    // Two processes rotating at once only shift files one place further; no line is lost, the oldest file goes sooner.
    rmSync(`${this.path}.${KEEP}`, { force: true })
    for (let i = KEEP - 1; i >= 1; i -= 1) moveIfThere(`${this.path}.${i}`, `${this.path}.${i + 1}`)
    moveIfThere(this.path, `${this.path}.1`)
  }
}

function moveIfThere(from: string, to: string): void {
  try {
    renameSync(from, to)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
}

function readLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n')
  } catch {
    return []
  }
}

const ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS)

function parseEntry(line: string): AuditEntry | null {
  if (!line.trim()) return null
  try {
    const value = JSON.parse(line) as Partial<AuditEntry>
    if (typeof value.at !== 'string' || !ACTIONS.has(value.action ?? '')) return null
    if (value.from !== 'app' && value.from !== 'cli') return null
    return value as AuditEntry
  } catch {
    return null
  }
}

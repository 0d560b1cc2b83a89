import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../src/shared/audit'
import { AuditLog } from '../../src/main/core/audit'

const entry = (i: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  at: new Date(Date.UTC(2026, 10, 30, 6, 0, i)).toISOString(),
  from: i % 2 ? 'cli' : 'app',
  action: 'key.disable',
  outcome: 'ok',
  accountId: `acc-${i % 3}`,
  keyId: `key-${i}`,
  ...over,
})

describe('the audit log file', () => {
  const dirs: string[] = []
  const dir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'keydesk-audit-'))
    dirs.push(d)
    return d
  }
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('reads back newest first, filtered by account, key, action and time', () => {
    const log = new AuditLog(dir())
    for (let i = 0; i < 9; i += 1) log.append(entry(i, i === 4 ? { action: 'key.create' } : {}))
    expect(log.read().map((e) => e.keyId)).toEqual([8, 7, 6, 5, 4, 3, 2, 1, 0].map((i) => `key-${i}`))
    expect(log.read({ accountId: 'acc-1' }).map((e) => e.keyId)).toEqual(['key-7', 'key-4', 'key-1'])
    expect(log.read({ action: 'key.create' }).map((e) => e.keyId)).toEqual(['key-4'])
    expect(log.read({ keyId: 'key-2' })).toHaveLength(1)
    expect(log.read({ since: entry(6).at }).map((e) => e.keyId)).toEqual(['key-8', 'key-7', 'key-6'])
    expect(log.read({ limit: 2 })).toHaveLength(2)
    expect(statSync(log.path).mode & 0o777).toBe(0o600)
  })

  it('rotates by size into at most three older files and keeps reading across them', () => {
    const d = dir()
    const log = new AuditLog(d, 400)
    for (let i = 0; i < 60; i += 1) log.append(entry(i))
    expect(readdirSync(d).sort()).toEqual(['audit.jsonl', 'audit.jsonl.1', 'audit.jsonl.2', 'audit.jsonl.3'])
    for (const f of readdirSync(d)) expect(statSync(join(d, f)).size).toBeLessThan(400 + 200)
    const all = log.read({ limit: 10_000 })
    expect(all[0]?.keyId).toBe('key-59')
    // Older lines went with the oldest file; what is kept is a contiguous, newest-first run.
    const numbers = all.map((e) => Number(e.keyId?.slice(4)))
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a))
    expect(numbers[numbers.length - 1]).toBe(60 - numbers.length)
  })

  it('skips a damaged line instead of failing the whole read', async () => {
    const d = dir()
    const log = new AuditLog(d)
    log.append(entry(1))
    const { appendFileSync } = await import('node:fs')
    appendFileSync(log.path, '{"at": "2026-11-30T06:00:02Z", "from": "cli", "acti')
    appendFileSync(log.path, '\n')
    log.append(entry(3))
    expect(log.read().map((e) => e.keyId)).toEqual(['key-3', 'key-1'])
  })
})

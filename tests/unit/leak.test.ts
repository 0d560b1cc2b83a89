import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountView, CreatedKey } from '../../src/shared/model'
import { AppCore } from '../../src/main/core/app-core'
import { MemoryClipboard } from '../../src/main/core/clipboard'
import { toNewAccount } from '../../src/main/core/demo'
import { MemoryVault } from '../support/memory-vault'
import { startSandbox, type Sandbox } from '../../src/sandbox'

/** Every file under dir, as text. */
function readTree(dir: string): string {
  return readdirSync(dir)
    .map((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? readTree(path) : readFileSync(path, 'utf8')
    })
    .join('\n')
}

describe('no secret leaks', () => {
  const logs: string[] = []
  const events: string[] = []
  const output: string[] = []
  const secrets: string[] = []
  let sandbox: Sandbox
  let core: AppCore
  let dir: string
  const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) }

  beforeAll(async () => {
    const capture = (chunk: unknown): boolean => {
      output.push(String(chunk))
      return true
    }
    process.stdout.write = capture
    process.stderr.write = capture
    sandbox = await startSandbox({ port: 0, activationSeconds: 0.2, seed: 'leak', log: (l) => logs.push(l) })
    dir = mkdtempSync(join(tmpdir(), 'keydesk-leak-'))
    core = new AppCore({
      dataDir: dir,
      version: '0.1.0',
      host: 'browser',
      vault: new MemoryVault(),
      clipboard: new MemoryClipboard(),
      log: (l) => logs.push(l),
    })
    core.onEvent((event, payload) => events.push(`${event} ${JSON.stringify(payload)}`))
  })

  afterAll(async () => {
    process.stdout.write = writes.out
    process.stderr.write = writes.err
    await core.close()
    await sandbox.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps every credential and every created secret out of settings, logs, events and output', async () => {
    const ok = <T>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
      if (!r.ok) throw new Error(JSON.stringify(r.error))
      return r.value as T
    }
    for (const acc of sandbox.accounts) {
      secrets.push(
        ...Object.entries(acc.credentials)
          .filter(([k]) => k !== 'tenantId')
          .map(([, v]) => v),
      )
      ok(await core.invoke('accounts.add', toNewAccount(acc)))
    }
    const accounts = ok<AccountView[]>(await core.invoke('accounts.list', {}))
    for (const account of accounts) {
      if (account.provider === 'spaceone') {
        // The sandbox seeds one key besides the credential's own; make room under the 2-key rule.
        const { keys } = ok<{ keys: { keyId: string }[] }>(await core.invoke('keys.list', { accountId: account.id }))
        const other = keys.find((k) => k.keyId !== account.facts.ownKeyId)
        if (other && keys.length >= 2)
          ok(await core.invoke('keys.delete', { accountId: account.id, keyId: other.keyId }))
      }
      const options = ok<{
        applications: { id: string }[]
        clusters: { id: string; name: string }[]
        roles?: { id: string }[]
      } | null>(await core.invoke('keys.createOptions', { accountId: account.id }))
      const created = ok<CreatedKey>(
        await core.invoke('keys.create', {
          accountId: account.id,
          requestId: `leak-${account.id}`,
          keep: true,
          ...(options?.applications[0]
            ? {
                applicationId: options.applications[0].id,
                clusterId: options.clusters.find((c) => !/fail/.test(c.name))!.id,
              }
            : {}),
          // Cloudforet 2.x apps need a name and a role.
          ...(options?.roles ? { name: 'leak-check', roleId: options.roles[0].id } : {}),
        }),
      )
      secrets.push(...created.parts.filter((p) => p.secret).map((p) => p.value))
      ok(
        await core.invoke('keys.copySecret', {
          handle: created.handle,
          part: created.parts.find((p) => p.secret)!.label,
        }),
      )
      for (const format of created.exports)
        ok(await core.invoke('keys.export', { handle: created.handle, format: format.id }))
      ok(await core.invoke('keys.try', { handle: created.handle }))
      ok(await core.invoke('secrets.release', { handle: created.handle }))
      ok(await core.invoke('keys.delete', { accountId: account.id, keyId: created.key.keyId }))
    }
    expect(secrets.length).toBeGreaterThanOrEqual(6)
    const haystacks = {
      settings: readTree(dir),
      logs: logs.join('\n'),
      output: output.join(''),
      events: events.filter((e) => !e.startsWith('create.progress')).join('\n'),
    }
    expect(haystacks.logs.length).toBeGreaterThan(0)
    for (const [where, text] of Object.entries(haystacks)) {
      for (const secret of secrets) expect(text.includes(secret), `a secret appeared in ${where}`).toBe(false)
    }
  })
})

import { randomUUID } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { writeSecretFile } from '../../src/main/core/export'
import { createHttp } from '../../src/main/net/http'
import { providers } from '../../src/main/providers'
import { arxDecrypt, arxEncrypt, credentialsFromJson } from '../../src/main/providers/onqlave-arx'
import { PROVIDER_IDS } from '../../src/shared/model'
import { addAccount, onqlaveChoice, coreOnSandbox, openCore, reopen, removeDir } from './create-harness'
import { urlOf } from '../support/fetch-input'

const createBodies: string[] = []

const t = coreOnSandbox(() => {
  createBodies.length = 0
  // Records the SpaceONE create response exactly as it came off the wire.
  return openCore({
    http: createHttp({
      fetch: async (input, init) => {
        const res = await fetch(input, init)
        if (urlOf(input).endsWith('/identity/api-key/create')) createBodies.push(await res.clone().text())
        return res
      },
    }),
  })
})

async function exported(handle: string, format: string): Promise<{ fileName: string; content: string }> {
  const file = await t.h.call('keys.export', { handle, format })
  if (file.content === undefined) throw new Error('the browser host should hand the content back')
  return { fileName: file.fileName, content: file.content }
}

describe('export files match the documented formats', () => {
  it('SpaceONE "api_key" is the whole create response as one compact JSON line', async () => {
    const account = await addAccount(t.h, t.sb, 'spaceone')
    const created = await t.h.call('keys.create', { accountId: account.id, requestId: randomUUID(), keep: false })
    const file = await exported(created.handle, 'api_key')
    expect(file.fileName).toBe('api_key')
    expect(file.content).not.toContain('\n')
    const json = JSON.parse(file.content) as Record<string, unknown>
    expect(Object.keys(json).sort()).toEqual([
      'api_key',
      'api_key_id',
      'created_at',
      'domain_id',
      'last_accessed_at',
      'state',
      'user_id',
    ])
    expect(json).toMatchObject({ api_key_id: created.key.keyId, state: 'ENABLED', last_accessed_at: '' })
    expect(json.api_key).toBe(created.parts.find((p) => p.label === 'API key')?.value)
    expect(file.content).toBe(JSON.stringify(JSON.parse(createBodies[0] ?? '')))
  })

  it('SpaceONE "spacectl_config" is YAML with the unfolded api_key and the endpoints in server order', async () => {
    const account = await addAccount(t.h, t.sb, 'spaceone')
    const created = await t.h.call('keys.create', { accountId: account.id, requestId: randomUUID(), keep: false })
    const file = await exported(created.handle, 'spacectl_config')
    expect(file.fileName).toBe('spacectl_config')
    const secret = created.parts.find((p) => p.label === 'API key')?.value ?? ''
    expect(file.content.split('\n')[0]).toBe(`api_key: ${secret}`)
    const doc = parseYaml(file.content) as { api_key: string; endpoints: Record<string, string> }
    expect(doc.api_key).toBe(secret)
    expect(Object.entries(doc.endpoints)).toEqual(created.endpoints.map((e) => [e.service, e.url]))
    expect(Object.keys(doc.endpoints)[0]).toBe('identity')
    expect(doc.endpoints.identity).toMatch(/^grpc\+ssl:\/\/identity\..+:443\/v1$/)
  })

  it('CloudMC "cloudmc_api_key.json" holds the endpoint, id, name and key', async () => {
    const account = await addAccount(t.h, t.sb, 'cloudmc')
    const created = await t.h.call('keys.create', {
      accountId: account.id,
      requestId: randomUUID(),
      keep: false,
      name: 'deploy bot',
    })
    const file = await exported(created.handle, 'cloudmc_api_key.json')
    expect(file.fileName).toBe('cloudmc_api_key.json')
    expect(JSON.parse(file.content)).toEqual({
      endpoint: account.endpoint,
      id: created.key.keyId,
      name: 'deploy bot',
      api_key: created.parts[0]?.value,
    })
  })

  it('Onqlave "credentials.json" drives a signed encrypt and decrypt against the data plane, as the SDKs do', async () => {
    const account = await addAccount(t.h, t.sb, 'onqlave')
    const created = await t.h.call('keys.create', {
      accountId: account.id,
      requestId: randomUUID(),
      keep: false,
      ...(await onqlaveChoice(t.h, account.id)),
    })
    const file = await exported(created.handle, 'credentials.json')
    expect(file.fileName).toBe('credentials.json')
    const json = JSON.parse(file.content) as Record<string, string>
    expect(Object.keys(json)).toEqual(['arx_url', 'access_key', 'server_signing_key', 'server_secret_key'])
    expect(json.arx_url).toBe(`${t.sb.url}/${created.key.extra.clusterId}`)
    const creds = credentialsFromJson(file.content)
    const http = createHttp()
    const sealed = await arxEncrypt(http, creds)
    const opened = await arxDecrypt(http, creds, sealed.encryptedDataKey)
    expect(sealed.algo).toBe('aes-gcm-256')
    expect(opened.dataKey.equals(sealed.dataKey)).toBe(true)
    const wrongKey = credentialsFromJson(JSON.stringify({ ...json, server_secret_key: 'not-the-secret' }))
    await expect(arxDecrypt(http, wrongKey, sealed.encryptedDataKey)).rejects.toThrow(/does not open/)
  })

  it('Electron saves through its dialog and reports where, instead of handing the content back', async () => {
    const saved: { name: string; content: string }[] = []
    t.h = await reopen(t.h, {
      saveFile: async (name, content) => {
        saved.push({ name, content })
        return `/home/me/${name}`
      },
    })
    const account = await addAccount(t.h, t.sb, 'cloudmc')
    const created = await t.h.call('keys.create', { accountId: account.id, requestId: randomUUID(), keep: false })
    const result = await t.h.call('keys.export', { handle: created.handle, format: 'cloudmc_api_key.json' })
    expect(result).toEqual({ fileName: 'cloudmc_api_key.json', savedTo: '/home/me/cloudmc_api_key.json' })
    expect((JSON.parse(saved[0]?.content ?? '{}') as { api_key?: string }).api_key).toBe(created.parts[0]?.value)
  })
})

describe('secret files on disk', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keydesk-export-'))
  })
  afterEach(() => removeDir(dir))

  it('are written with mode 0600 and leave no temporary file behind', async () => {
    const path = join(dir, 'credentials.json')
    await writeSecretFile(path, '{"server_secret_key":"s3cret"}\n')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(readFileSync(path, 'utf8')).toBe('{"server_secret_key":"s3cret"}\n')
    expect(readdirSync(dir)).toEqual(['credentials.json'])
  })

  it('never replace an existing file unless asked to', async () => {
    const path = join(dir, 'api_key')
    writeFileSync(path, 'precious', { mode: 0o644 })
    await expect(writeSecretFile(path, 'new')).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(readFileSync(path, 'utf8')).toBe('precious')
    expect(readdirSync(dir)).toEqual(['api_key'])
    await writeSecretFile(path, 'new', true)
    expect(readFileSync(path, 'utf8')).toBe('new')
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })
})

describe('what the descriptor offers for kept secrets', () => {
  it('names exactly the parts and export formats each adapter provides', () => {
    const account = { id: 'a', provider: 'cloudmc', label: 'x', endpoint: 'https://cmc.example.com/api/v2' } as const
    for (const id of PROVIDER_IDS) {
      const p = providers[id]
      const secret = {
        keyId: 'k',
        fields: {
          api_key: 'x',
          arx_url: 'https://dp0.example.com/cluster--a',
          access_key: 'a',
          server_signing_key: 's',
          server_secret_key: 't',
        },
      }
      const acc = {
        ...account,
        provider: id,
        facts: {},
        demo: false,
        createdAt: '',
        propagationWindowSec: 600,
        refreshIntervalSec: 60,
      }
      const parts = p.secretParts(secret, acc).map((x) => x.label)
      for (const part of p.descriptor.copyParts) expect(parts).toContain(part)
      const files = p.exportFiles(secret, acc, []).map(({ id: fid, fileName, label }) => ({ id: fid, fileName, label }))
      expect(p.descriptor.exports).toEqual(files)
    }
  })
})

// The sandbox as a process and a store: the same accounts for a seed, 10,000 keys, state kept across restarts, its CLI.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox/index'
import { account, call, credential, start } from './sandbox-harness'
import { sandbox, spaceoneList, cloudmcList, runCli } from './sandbox-server-harness'

describe('sandbox process and state', () => {
  it('gives the same accounts for the same seed', async () => {
    const other = await start({ accountsPerProvider: 2 })
    try {
      const strip = (s: Sandbox): unknown =>
        s.accounts.filter((a) => a.provider !== 'spaceone' && a.provider !== 'spaceone-apps').map((a) => a.credentials)
      expect(strip(other)).toEqual(strip(sandbox))
      expect(other.spaceone.users).toEqual(sandbox.spaceone.users)
    } finally {
      await other.close()
    }
  })

  // Start-up time is measured in bench/sandbox-list.ts, not asserted here.
  it('serves 10,000 pre-created keys per account', async () => {
    const big = await start({ keysPerAccount: 10_000, seed: 'big' })
    try {
      expect((await cloudmcList(1, big)).json.data).toHaveLength(10_000)
    } finally {
      await big.close()
    }
  })

  it('keeps state in a 0600 file across restarts, with CloudMC secrets only hashed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keydesk-sandbox-'))
    const stateFile = join(dir, 'state.json')
    try {
      const first = await start({ stateFile, seed: undefined })
      const created = await call(`${account(first, 'cloudmc').endpoint}/api_keys`, {
        method: 'POST',
        headers: { 'MC-Api-Key': credential(account(first, 'cloudmc'), 'apiKey') },
        body: '{"name":"kept"}',
      })
      await first.close()
      expect(statSync(stateFile).mode & 0o777).toBe(0o600)
      expect(readFileSync(stateFile, 'utf8')).not.toContain(created.json.data.apiKey)
      const second = await start({ stateFile, seed: undefined })
      try {
        expect(second.accounts).toEqual(
          first.accounts.map((a) => ({ ...a, endpoint: a.endpoint.replace(first.url, second.url) })),
        )
        expect((await cloudmcList(1, second)).json.data.map((k: { name: string }) => k.name)).toContain('kept')
        expect((await spaceoneList(second)).status).toBe(200)
      } finally {
        await second.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('prints the URL and accounts as the first stdout line, the control token only on stderr, and stops on SIGTERM', async () => {
    const cli = runCli(['--port', '0', '--seed', 'cli'])
    try {
      const line = await cli.firstLine
      const first = JSON.parse(line) as { url: string; accounts: { label: string; endpoint: string }[] }
      expect(Object.keys(first)).toEqual(['url', 'accounts'])
      expect(first.accounts).toHaveLength(4)
      expect(first.accounts.some((a) => a.endpoint === `${first.url}/spaceone2`)).toBe(true)
      const tokenPattern = /control token \(X-Sandbox-Token\): (\S+)\n/
      for (let i = 0; i < 100 && !tokenPattern.test(cli.stderr()); i += 1)
        await new Promise((resolve) => setTimeout(resolve, 20))
      const token = tokenPattern.exec(cli.stderr())?.[1]
      expect(token).toBeTruthy()
      expect(line).not.toContain(token)
      expect((await call(`${first.url}/__sandbox/state`, { headers: { 'X-Sandbox-Token': token ?? '' } })).status).toBe(
        200,
      )
    } finally {
      cli.stop()
    }
    expect(await cli.exit).toBe(0)
  })

  it('exits 2 with a clear message on a bad flag', async () => {
    const unknown = runCli(['--colour', 'red'])
    expect(await unknown.exit).toBe(2)
    expect(unknown.stderr()).toContain('unknown option "--colour"')
    const bad = runCli(['--fault-rate', '3'])
    expect(await bad.exit).toBe(2)
    expect(bad.stderr()).toContain('faultRate')
    const missing = runCli(['--port'])
    expect(await missing.exit).toBe(2)
    expect(missing.stderr()).toContain('--port needs a value')
  })
})

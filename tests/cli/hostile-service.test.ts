// A hostile or compromised service (or a teammate naming a key in a shared account) controls error text and key
// names. Through the real CLI, the real sandbox and a proxy that rewrites its answers: nothing it sends reaches the
// terminal as a control sequence, and its echo of the credential never reaches the user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { printable } from '../../src/shared/printable'
import { hasKeyring, requireKeyringInCi } from '../keychain/guard'
import { startHostileProxy, type HostileProxy } from '../support/hostile-proxy'
import { addAccount, keydesk, removeDir, requireBundle, sandbox, seed, tempDir, type Run } from './harness'

requireKeyringInCi()

/** Anything a terminal would obey, other than the line breaks KeyDesk writes itself. */
const CONTROL = /(?!\n)[\p{Cc}\u202a-\u202e\u2066-\u2069]/u
/** Sets the clipboard (OSC 52), clears the screen, starts 8-bit CSI; reversed text; markup. */
const ESCAPES = '\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u009b8m hidden \u202Eexe.txt <script>alert(1)</script>'

const isKeyList = (method: string, path: string): boolean => method === 'GET' && path.endsWith('/api_keys')

function seen(r: Run): string {
  return r.stdout + r.stderr
}

describe.skipIf(!hasKeyring)('keydesk against a hostile service', () => {
  let sb: Sandbox
  let proxy: HostileProxy
  let dir: string
  let credential: string

  beforeAll(async () => {
    requireBundle()
    sb = await sandbox({ seed: 'cli-hostile' })
    proxy = await startHostileProxy(sb.url)
    dir = tempDir('hostile')
    const mc = seed(sb, 'cloudmc')
    credential = String((mc.credentials as { apiKey: string }).apiKey)
    await addAccount(dir, { ...mc, endpoint: mc.endpoint.replace(sb.url, proxy.url) }, 'Shady')
  })
  afterAll(async () => {
    await proxy.close()
    await sb.close()
    removeDir(dir)
  })

  it('shows its error text as one short printable line, without the credential it echoes', async () => {
    const message = `${ESCAPES} your key ${credential} is bad ${'x'.repeat(100_000)}`
    proxy.rewrite = (method, path) =>
      isKeyList(method, path) ? { status: 500, body: JSON.stringify({ errors: [{ code: 'X', message }] }) } : null
    const human = await keydesk(dir, ['keys', 'list'])
    const json = await keydesk(dir, ['keys', 'list', '--json'])
    for (const r of [human, json]) {
      expect(r.code).not.toBe(0)
      expect(seen(r)).not.toMatch(CONTROL)
      expect(seen(r)).not.toContain(credential.slice(0, 8))
    }
    // What it sent stays readable as what it is.
    expect(seen(human)).toContain('\\u001b]52;c;cHduZWQ=\\u0007\\u001b[2J\\u009b8m hidden \\u202eexe.txt <script>')
    expect(seen(human).length).toBeLessThan(1_000)
    const [failure] = json.json().failures
    expect(failure?.message).toContain('\\u001b]52')
    expect(failure?.message.length).toBeLessThan(500)
  })

  it('shows a key name with control characters escaped in the table, and exact in --json for scripts', async () => {
    const evil = `deploy${ESCAPES}\nSECOND LINE`
    let keyId = ''
    proxy.rewrite = (method, path, real) => {
      if (!isKeyList(method, path) || real.status !== 200) return null
      const body = JSON.parse(real.body) as { data: { id: string; name: string }[] }
      const first = body.data[0]
      if (!first) return null
      keyId = first.id
      first.name = evil
      return { status: 200, body: JSON.stringify(body) }
    }
    const human = await keydesk(dir, ['keys', 'list'])
    expect(human.code).toBe(0)
    expect(seen(human)).not.toMatch(CONTROL)
    const row = human.stdout.split('\n').find((line) => line.includes(keyId))
    expect(row).toContain(printable(evil))
    expect(human.stdout).not.toMatch(/^SECOND LINE/m)
    const json = await keydesk(dir, ['keys', 'list', '--json'])
    expect(json.stdout).not.toMatch(CONTROL)
    const listed = json.json<{ keys: { keyId: string; name: string }[] }>().keys
    expect(listed.find((k) => k.keyId === keyId)?.name).toBe(evil)
  })
})

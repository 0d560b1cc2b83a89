import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { CHANNELS, type Reply } from '../../src/shared/api'
import { guardedHandler, registerIpc, TrustedSenders } from '../../src/main/ipc'

const APP_URL = 'app://keydesk/index.html'

function fakeContents(id: number) {
  const emitter = new EventEmitter()
  return {
    id,
    once: (event: string, fn: () => void) => {
      emitter.once(event, fn)
      return undefined as never
    },
    destroy: () => emitter.emit('destroyed'),
  }
}

function event(senderId: number, url = APP_URL) {
  return { sender: { id: senderId }, senderFrame: { url } } as never
}

function recordingCore() {
  const calls: Array<{ channel: string; raw: unknown }> = []
  return {
    calls,
    invoke: async (channel: string, raw: unknown): Promise<Reply> => {
      calls.push({ channel, raw })
      return { ok: true, value: 'handled' }
    },
  }
}

describe('IPC guard', () => {
  const trusted = new TrustedSenders((url) => url.startsWith('app://keydesk/'))
  const win = fakeContents(7)
  trusted.add(win as never)

  it('rejects a request from a WebContents that is not the app window, without reaching the core', async () => {
    const core = recordingCore()
    const reply = await guardedHandler('accounts.list', core, trusted)(event(99), {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    expect(core.calls).toHaveLength(0)
  })

  it('rejects the app window when it has navigated to a foreign origin', async () => {
    const core = recordingCore()
    const reply = await guardedHandler('accounts.list', core, trusted)(event(7, 'https://evil.example/'), {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    expect(core.calls).toHaveLength(0)
  })

  it('passes a trusted request through to the core', async () => {
    const core = recordingCore()
    const reply = await guardedHandler('accounts.list', core, trusted)(event(7), { a: 1 })
    expect(reply).toEqual({ ok: true, value: 'handled' })
    expect(core.calls).toEqual([{ channel: 'accounts.list', raw: { a: 1 } }])
  })

  it('forgets a window once it is destroyed', async () => {
    const t = new TrustedSenders(() => true)
    const w = fakeContents(3)
    t.add(w as never)
    expect(t.isTrusted(event(3))).toBe(true)
    w.destroy()
    expect(t.isTrusted(event(3))).toBe(false)
  })

  it('registers exactly one handler per channel of the map', () => {
    const registered: string[] = []
    registerIpc(
      {
        handle: (channel: string) => {
          registered.push(channel)
        },
      },
      recordingCore(),
      trusted,
    )
    expect(registered.sort()).toEqual([...CHANNELS].sort())
  })
})

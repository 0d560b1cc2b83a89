// window.api over HTTP for the browser host. The token arrives once in the URL fragment.
import type { EventName, Reply } from '../../shared/api'
import { fromErrorData } from '../../shared/errors'
import { unwrapReply, type Transport } from '../../preload/client'

const TOKEN_KEY = 'keydesk.token'

export function takeToken(): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(location.hash)
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1])
    history.replaceState(null, '', location.pathname + location.search)
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

export function httpTransport(token: string): Transport {
  const headers = { 'content-type': 'application/json', 'x-keydesk-token': token }
  return {
    invoke: async (channel, input) => {
      let res: Response
      try {
        res = await fetch(`/api/${channel}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) })
      } catch {
        throw fromErrorData({
          code: 'NETWORK',
          message: 'KeyDesk lost its connection to the browser host. Is `npm run web` still running?',
          retryable: true,
        })
      }
      if (res.status === 403) {
        throw fromErrorData({
          code: 'UNTRUSTED_SENDER',
          message: 'The browser host refused this page: open the URL it printed, with its token.',
          retryable: false,
        })
      }
      return unwrapReply((await res.json()) as Reply)
    },
    subscribe: (listener) => {
      const abort = new AbortController()
      void readEvents(headers, abort.signal, listener)
      return () => abort.abort()
    },
  }
}

/** Server-sent events read with fetch, since EventSource cannot send the token header. Reconnects with a bounded backoff. */
async function readEvents(
  headers: Record<string, string>,
  signal: AbortSignal,
  listener: (e: EventName, p: unknown) => void,
): Promise<void> {
  let delay = 500
  let connected = false
  while (!signal.aborted) {
    try {
      const res = await fetch('/api/events', { headers, signal })
      // A refusal or server error is not a connection: keep backing off instead of retrying every 500 ms.
      if (!res.ok || !res.body) throw new Error(`events answered HTTP ${res.status}`)
      delay = 500
      // Events sent while the stream was down are lost: ask sync to reload everything they would have updated.
      if (connected) listener('accounts.changed', { resync: true })
      connected = true
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffer = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += value
        let cut: number
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, cut)
          buffer = buffer.slice(cut + 2)
          const event = /^event: (.+)$/m.exec(frame)?.[1]
          const data = /^data: (.+)$/m.exec(frame)?.[1]
          if (event && data) listener(event as EventName, JSON.parse(data))
        }
      }
    } catch {
      if (signal.aborted) return
    }
    await new Promise((r) => setTimeout(r, delay))
    delay = Math.min(delay * 2, 10_000)
  }
}

// window.api over HTTP for the browser host. The session is an HttpOnly cookie the host set when this browser opened
// its one-time launch URL; this page never sees it.
import type { EventName, Reply } from '../../shared/api'
import { fromErrorData } from '../../shared/errors'
import { valueFromWire } from '../../shared/key-list-wire'
import { partSplitter } from '../../shared/stream-parts'
import { unwrapReply, type Transport } from '../../preload/client'

/** The host's limit on one batch (src/host/server.ts). */
const MAX_BATCH = 100

interface Call {
  readonly channel: string
  readonly input: unknown
  resolve(value: unknown): void
  reject(err: unknown): void
}

const LOST = {
  code: 'NETWORK',
  message: 'KeyDesk lost its connection to the browser host. Is `npm run web` still running?',
  retryable: true,
} as const
const REFUSED = {
  code: 'UNTRUSTED_SENDER',
  message:
    "This tab's KeyDesk session has ended (the browser host was restarted). In the terminal, run " +
    '`npm run web -- --open` (or open the newest link it printed), then close this tab.',
  retryable: false,
} as const

export function httpTransport(): Transport {
  const headers = { 'content-type': 'application/json' }
  let queued: Call[] = []
  // A browser opens at most six connections to one host, and the event stream holds one: calls made in the same
  // task (a refresh of every account) travel as one batch whose answers stream back as each is ready.
  const flush = (): void => {
    const calls = queued
    queued = []
    for (let i = 0; i < calls.length; i += MAX_BATCH) {
      const part = calls.slice(i, i + MAX_BATCH)
      void (part.length === 1 && part[0] ? single(headers, part[0]) : batch(headers, part))
    }
  }
  return {
    invoke: (channel, input) =>
      new Promise((resolve, reject) => {
        if (queued.length === 0) queueMicrotask(flush)
        queued.push({ channel, input: input ?? {}, resolve, reject })
      }),
    subscribe: (listener) => {
      const abort = new AbortController()
      void readEvents(headers, abort.signal, listener)
      return () => abort.abort()
    },
  }
}

async function single(headers: Record<string, string>, call: Call): Promise<void> {
  let res: Response
  try {
    res = await fetch(`/api/${call.channel}`, { method: 'POST', headers, body: JSON.stringify(call.input) })
  } catch {
    return call.reject(fromErrorData(LOST))
  }
  if (res.status === 403) return call.reject(fromErrorData(REFUSED))
  try {
    call.resolve(valueFromWire(call.channel, unwrapReply((await res.json()) as Reply)))
  } catch (err) {
    call.reject(err)
  }
}

/** POST /api/batch: one line `{"i","reply"}` per call, in the order the core answers them. */
async function batch(headers: Record<string, string>, calls: readonly Call[]): Promise<void> {
  const settled = new Set<number>()
  const settle = (i: number, reply: Reply): void => {
    const call = calls[i]
    if (!call || settled.has(i)) return
    settled.add(i)
    try {
      call.resolve(valueFromWire(call.channel, unwrapReply(reply)))
    } catch (err) {
      call.reject(err)
    }
  }
  let lost: typeof LOST | typeof REFUSED = LOST
  try {
    const body = JSON.stringify(calls.map((c) => ({ channel: c.channel, input: c.input })))
    const res = await fetch('/api/batch', { method: 'POST', headers, body })
    if (res.status === 403) lost = REFUSED
    if (res.ok && res.body) {
      await readParts(res.body, '\n', (text) => {
        const line = JSON.parse(text) as { i: number; reply: Reply }
        settle(line.i, line.reply)
      })
    }
  } catch {
    // Whatever did not answer before the stream broke is lost, below.
  }
  calls.forEach((call, i) => {
    if (!settled.has(i)) call.reject(fromErrorData(lost))
  })
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
      await readParts(res.body, '\n\n', (frame) => {
        const event = /^event: (.+)$/m.exec(frame)?.[1]
        const data = /^data: (.+)$/m.exec(frame)?.[1]
        if (event && data) listener(event as EventName, JSON.parse(data))
      })
    } catch {
      if (signal.aborted) return
    }
    await new Promise((r) => setTimeout(r, delay))
    delay = Math.min(delay * 2, 10_000)
  }
}

/** Reads a streamed body and hands over each complete part before `separator`, as soon as it has arrived. */
async function readParts(
  body: ReadableStream<BufferSource>,
  separator: string,
  onPart: (part: string) => void,
): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader()
  const parts = partSplitter(separator)
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    for (const part of parts(value)) onPart(part)
  }
}

// How the HTTP client reaches a service by default: Node's own http and https modules, with kept-alive connections.
// Node's fetch loads undici on its first use and parses answers with a WebAssembly parser compiled then (about 50 ms
// of the first screen's thirty listings), and reads every body through web streams (a few tenths of a millisecond per
// listing more than this). Redirects are not followed, as with fetch's redirect: 'manual'.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'

export interface Sent {
  readonly method: string
  readonly headers?: Record<string, string>
  readonly body?: string
  readonly signal: AbortSignal
  readonly redirect: 'manual'
}

export interface Answer {
  readonly status: number
  readonly headers: Headers
  text(): Promise<string>
}

/** What the client needs of fetch; Node's fetch itself fits it (tests hand it a scripted one). */
export type Transport = (url: string, init: Sent) => Promise<Answer>

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) }

/**
 * The most KeyDesk reads of one answer: several times the largest listing it is built for (50,000 keys in the sandbox
 * are 7 MB from CloudMC, 10 MB from SpaceONE, 34 MB from Onqlave). A broken or hostile server that sends without end
 * would otherwise be held in memory until the process dies.
 */
export const MAX_ANSWER_BYTES = 128 * 1024 * 1024
/** The code of the error for an answer over the limit (failure-words.ts puts it in words). */
export const TOO_LARGE = 'KEYDESK_ANSWER_TOO_LARGE'

/** A transport that stops reading an answer at `maxBytes` (tests give a small limit). */
export function transportWithLimit(maxBytes: number): Transport {
  return (url, init) => send(url, init, maxBytes)
}

export const nodeTransport: Transport = transportWithLimit(MAX_ANSWER_BYTES)

function send(url: string, init: Sent, maxBytes: number): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    if (init.signal.aborted) return reject(stopped(init.signal))
    const target = new URL(url)
    const secure = target.protocol === 'https:'
    const req = (secure ? httpsRequest : httpRequest)(target, {
      method: init.method,
      headers:
        init.body === undefined ? init.headers : { ...init.headers, 'content-length': Buffer.byteLength(init.body) },
      agent: secure ? agents.https : agents.http,
      signal: init.signal,
    })
    // Every error is listened to: an abort after an error, or after the answer, must not become an uncaught one.
    req.on('error', reject)
    req.once('response', (res) => resolve(answer(res, init.signal, maxBytes)))
    req.end(init.body)
  })
}

function answer(res: IncomingMessage, signal: AbortSignal, maxBytes: number): Answer {
  // Read at once, so a body that stalls stays under the request's timer and its signal.
  const body = new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    let bytes = 0
    const tooLarge = (): void => {
      reject(Object.assign(new Error(`the answer is over ${maxBytes} bytes`), { code: TOO_LARGE }))
      chunks.length = 0
      res.destroy()
    }
    if (Number(res.headers['content-length']) > maxBytes) return tooLarge()
    res.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes > maxBytes) tooLarge()
      else chunks.push(chunk)
    })
    res.once('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'))
      // The answer object may outlive its body (a kept-alive socket holds on to it): its chunks need not.
      chunks.length = 0
    })
    res.on('error', reject)
    res.once('close', () => {
      if (!res.complete) reject(Object.assign(new Error('the answer was cut off'), { code: 'ECONNRESET' }))
    })
    signal.addEventListener('abort', () => reject(stopped(signal)), { once: true })
  })
  body.catch(() => undefined)
  let headers: Headers | null = null
  return {
    status: res.statusCode ?? 0,
    // Built when asked for: no adapter reads an answer's headers today.
    get headers() {
      headers ??= new Headers(
        Object.entries(res.headers).flatMap(([name, value]) =>
          (Array.isArray(value) ? value : [value ?? '']).map((v): [string, string] => [name, v]),
        ),
      )
      return headers
    },
    text: () => body,
  }
}

function stopped(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('the request was stopped')
}

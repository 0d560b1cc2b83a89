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

export const nodeTransport: Transport = (url, init) =>
  new Promise<Answer>((resolve, reject) => {
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
    req.once('response', (res) => resolve(answer(res, init.signal)))
    req.end(init.body)
  })

function answer(res: IncomingMessage, signal: AbortSignal): Answer {
  // Read at once, so a body that stalls stays under the request's timer and its signal.
  const body = new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    res.on('data', (chunk: Buffer) => chunks.push(chunk))
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

// What every service handler sees and returns; the server turns these into HTTP.
import type { IncomingHttpHeaders } from 'node:http'

export interface Incoming {
  readonly method: string
  readonly path: string
  readonly headers: IncomingHttpHeaders
  /** The exact bytes received: the Onqlave digest is over these, never a re-serialisation. */
  readonly body: Buffer
  readonly remoteAddress: string
}

export interface Reply {
  readonly status: number
  /** JSON-serialised; absent means an empty body (204). */
  readonly body?: unknown
}

/** A failure in the service's own terms; each service renders it in its envelope. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly context: Readonly<Record<string, unknown>> = {},
  ) {
    super(message)
  }
}

export function header(req: Incoming, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

export type JsonObject = Readonly<Record<string, unknown>>

/** The body as a JSON object; `{}` when empty; undefined when it is not JSON or not an object. */
export function jsonObject(body: Buffer): JsonObject | undefined {
  if (body.length === 0) return {}
  try {
    const value: unknown = JSON.parse(body.toString('utf8'))
    return isObject(value) ? value : undefined
  } catch {
    return undefined
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

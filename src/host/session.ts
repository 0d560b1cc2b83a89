// Access to the browser host: a launch ticket (the path of the printed URL) is redeemed once for a session cookie
// (HttpOnly, SameSite=Strict, host-only on 127.0.0.1). A spent or expired ticket gives nothing.
import { randomBytes, timingSafeEqual } from 'node:crypto'

export const COOKIE = 'keydesk_session'
/** A ticket handed to a browser KeyDesk starts is on that browser's command line: it must be used within this. */
export const OPEN_TICKET_TTL_MS = 60_000
const MAX_TICKETS = 20
const MAX_SESSIONS = 50

interface Ticket {
  readonly value: string
  readonly expires: number
}

export class Sessions {
  private tickets: Ticket[] = []
  private readonly sessions = new Set<string>()

  constructor(private readonly now: () => number = Date.now) {}

  /** A fresh one-time ticket; `ttlMs` Infinity for the URL printed to the terminal of the user who started it. */
  ticket(ttlMs = Infinity): string {
    const value = randomBytes(32).toString('base64url')
    this.tickets = [...this.tickets.filter((t) => t.expires > this.now()), { value, expires: this.now() + ttlMs }]
    if (this.tickets.length > MAX_TICKETS) this.tickets = this.tickets.slice(-MAX_TICKETS)
    return value
  }

  /** Spends the ticket: a session id when it was valid, null otherwise (a second use included). */
  redeem(given: string): string | null {
    const now = this.now()
    const match = this.tickets.find((t) => t.expires > now && same(t.value, given))
    this.tickets = this.tickets.filter((t) => t !== match && t.expires > now)
    if (!match) return null
    const session = randomBytes(32).toString('base64url')
    this.sessions.add(session)
    // Oldest first: a long-running host never grows without bound.
    if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.values().next().value as string)
    return session
  }

  valid(cookieHeader: string | undefined): boolean {
    const given = readCookie(cookieHeader, COOKIE)
    if (!given) return false
    for (const s of this.sessions) if (same(s, given)) return true
    return false
  }
}

export function sessionCookie(session: string): string {
  return `${COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return null
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

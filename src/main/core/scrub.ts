// Removes every form of a secret a service may echo back: exact, base64, base64url, URL-encoded (and lowercase
// percent-escapes), and any run of 8 or more characters that begins one of those forms (what is left after a
// message was cut). Runs before a message is shown, logged or cut again.
import { AppError } from '../../shared/errors'
import type { Credential } from '../../shared/model'
import { getProvider } from '../providers'
const MIN = 8
const MASK = '…'

function forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  const url = encodeURIComponent(secret)
  return [
    ...new Set([
      secret,
      bytes.toString('base64'),
      bytes.toString('base64').replace(/=+$/, ''),
      bytes.toString('base64url'),
      url,
      url.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
      encodeURI(secret),
      JSON.stringify(secret).slice(1, -1),
    ]),
  ].filter((f) => f.length >= MIN)
}

/** Masks, in `text`, every run of MIN or more characters that equals the start of any form of any secret. */
export function scrub(text: string, secrets: readonly string[]): string {
  const all = secrets.filter((s) => s.length >= MIN).flatMap(forms)
  if (all.length === 0) return text
  let out = ''
  let i = 0
  while (i < text.length) {
    let longest = 0
    for (const f of all) {
      if (text.startsWith(f.slice(0, MIN), i)) {
        let n = MIN
        while (n < f.length && i + n < text.length && text[i + n] === f[n]) n++
        longest = Math.max(longest, n)
      }
    }
    if (longest > 0) {
      out += MASK
      i += longest
    } else {
      out += text[i]
      i++
    }
  }
  return out
}

/** A service that echoes what it was sent must not put the credential into an error the user (or a log) sees. */
export function scrubbed(err: unknown, credential: Credential): unknown {
  if (!(err instanceof AppError)) return err
  const secretFields = getProvider(credential.provider).descriptor.credential.filter((f) => f.secret)
  const secrets = secretFields.map((f) => credential[f.name] ?? '').filter((v) => v.length >= 8)
  const message = scrub(err.message, secrets)
  return message === err.message
    ? err
    : new AppError(err.code, message, { accountId: err.accountId, retryable: err.retryable })
}

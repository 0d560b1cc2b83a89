import { describe, expect, it } from 'vitest'
import { scrub, scrubbed } from '../../src/main/core/scrub'
import { AppError } from '../../src/shared/errors'

const secret = 'sk-live+4f/9Qz=abc def&123'

describe('scrubbing a credential from a service message', () => {
  const echoes: ReadonlyArray<readonly [string, string]> = [
    ['exact', secret],
    ['base64', Buffer.from(secret).toString('base64')],
    ['base64 without padding', Buffer.from(secret).toString('base64').replace(/=+$/, '')],
    ['base64url', Buffer.from(secret).toString('base64url')],
    ['URL-encoded', encodeURIComponent(secret)],
    ['URL-encoded in lowercase', encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ['JSON-escaped', JSON.stringify(secret).slice(1, -1)],
    ['cut after 8 characters', secret.slice(0, 8)],
    ['cut after 12 characters', secret.slice(0, 12)],
    ['base64, cut', Buffer.from(secret).toString('base64').slice(0, 10)],
  ]
  for (const [form, echo] of echoes) {
    it(`removes the ${form} form wherever it appears`, () => {
      const out = scrub(`rejected key "${echo}" for user (${echo})`, [secret])
      expect(out).toBe('rejected key "…" for user (…)')
    })
  }

  it('leaves a message with fewer than 8 matching characters alone', () => {
    expect(scrub('token sk-live is invalid', [secret])).toBe('token sk-live is invalid')
  })

  it('scrubs before a long message is cut, so the cut cannot leave a piece behind', () => {
    const long = `${'x'.repeat(290)} ${secret}`
    const err = scrubbed(new AppError('PROVIDER_ERROR', long.slice(0, 300)), { provider: 'cloudmc', apiKey: secret })
    expect((err as AppError).message).not.toContain(secret.slice(0, 8))
  })
})

// What a line of the audit log says of a failed change: the error's words, cut at a word with "…" when long.
import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../src/shared/audit'
import { AuditTrail, clip } from '../../src/main/core/audit-trail'
import type { AuditLog } from '../../src/main/core/audit'

describe('the audit line of a failed change', () => {
  it('keeps a long error whole up to a word and says it was cut', () => {
    const appended: AuditEntry[] = []
    const log = { append: (e: AuditEntry) => void appended.push(e) } as unknown as AuditLog
    const trail = new AuditTrail(
      log,
      () => undefined,
      () => undefined,
      () => undefined,
    )
    const message = `SpaceONE did not accept this key. ${'Check that you copied all of it and that it belongs here. '.repeat(8)}`
    trail.begin(
      'keys.delete',
      { accountId: 'a1', keyId: 'k1' },
      'app',
    )?.({
      ok: false,
      error: { code: 'AUTH', message, retryable: false },
    })
    const said = appended[0]?.error?.message ?? ''
    expect(said.length).toBeLessThanOrEqual(300)
    expect(said.endsWith('…')).toBe(true)
    // The word before the "…" is a whole word of the message.
    expect(message.startsWith(said.slice(0, -1))).toBe(true)
    expect(message[said.length - 1]).toBe(' ')
  })

  it('leaves a short text as it is, and cuts a text without spaces at the limit', () => {
    expect(clip('Done', 300)).toBe('Done')
    expect(clip('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`)
    // An emoji across the cut is left out whole, not split into half a character.
    expect(clip(`${'x'.repeat(8)}🔑yy`, 10)).toBe(`${'x'.repeat(8)}…`)
  })
})

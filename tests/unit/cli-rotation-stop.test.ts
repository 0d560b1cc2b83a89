// What `keydesk keys rotate --cancel` says it left behind: never "both keys" when no new key exists, and never
// "nothing was made" once the service was asked for one.
import { describe, expect, it } from 'vitest'
import { stoppedWords } from '../../src/cli/commands/keys-create'
import type { Rotation } from '../../src/shared/model'

const NOW = Date.parse('2026-12-01T12:00:00Z')
const base: Rotation = {
  id: 'r1',
  accountId: 'a1',
  oldKeyId: 'key-old',
  step: 'create',
  startedAt: '2026-12-01T11:50:00Z',
  ownCredential: false,
}

describe('stopping a rotation from the command line, in words', () => {
  it('past the create step, both keys exist and stay', () => {
    expect(stoppedWords({ ...base, step: 'switch', newKeyId: 'key-new' }, NOW)).toBe(
      'Stopped rotating key-old; both keys stay as they are.',
    )
  })

  it('on the create step with nothing asked for, there is no second key to speak of', () => {
    const words = stoppedWords(base, NOW)
    expect(words).toBe('Stopped rotating key-old; no new key was asked for, and key-old stays as it is.')
  })

  it('once a create was sent, says a key may exist and where it shows', () => {
    const sent = { ...base, createSent: { requestId: 'q1', at: '2026-12-01T11:55:00Z' } }
    expect(stoppedWords(sent, NOW)).toBe(
      'Stopped rotating key-old; it stays as it is. A new key was asked for 5 min ago: if the service made one, ' +
        '`keydesk keys list` shows it.',
    )
    expect(stoppedWords({ ...sent, createUnconfirmed: true }, NOW)).toContain(
      'asked for 5 min ago and its answer was lost: if the service made one',
    )
  })
})

// Key names are counted in characters (code points), as the services count them, by the channel's schema too: a name
// with emoji is not refused early for its UTF-16 length.
import { describe, expect, it } from 'vitest'
import { requests } from '../../src/shared/api'
import { NAME_MAX, nameLength } from '../../src/shared/limits'

const ref = { accountId: 'a1', keyId: 'k1' }
const creating = { accountId: 'a1', requestId: 'request-1', keep: false }
const rotating = { id: 'r1', requestId: 'request-1', keep: false }

describe('the channel bound on key names', () => {
  it('counts an emoji as one character', () => {
    expect(nameLength('🔑')).toBe(1)
    expect('🔑'.length).toBe(2)
  })

  it(`takes ${NAME_MAX} emoji and refuses one more, for rename, create and a rotation's create`, () => {
    const at = '🔑'.repeat(NAME_MAX)
    const over = '🔑'.repeat(NAME_MAX + 1)
    expect(requests['keys.rename'].input.safeParse({ ...ref, name: at }).success).toBe(true)
    expect(requests['keys.rename'].input.safeParse({ ...ref, name: over }).success).toBe(false)
    expect(requests['keys.create'].input.safeParse({ ...creating, name: at }).success).toBe(true)
    expect(requests['keys.create'].input.safeParse({ ...creating, name: over }).success).toBe(false)
    expect(requests['rotation.create'].input.safeParse({ ...rotating, name: at }).success).toBe(true)
    expect(requests['rotation.create'].input.safeParse({ ...rotating, name: over }).success).toBe(false)
  })

  it('still trims the name and refuses a blank rename', () => {
    const parsed = requests['keys.rename'].input.safeParse({ ...ref, name: `  ${'🔑'.repeat(NAME_MAX)}  ` })
    expect(parsed.data?.name).toBe('🔑'.repeat(NAME_MAX))
    expect(requests['keys.rename'].input.safeParse({ ...ref, name: '   ' }).success).toBe(false)
  })
})

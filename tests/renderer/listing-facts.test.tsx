import { describe, expect, it } from 'vitest'
import { createListingFacts } from '../../src/renderer/src/features/keys/listing-facts'
import { key } from './fake-api'

describe('listing facts', () => {
  it("finds the names more than one key of an account carries, and not a name two accounts' keys happen to share", () => {
    const one = [
      key('a1', 'k1', { name: 'billing' }),
      key('a1', 'k2', { name: 'billing' }),
      key('a1', 'k3', { name: 'ci' }),
    ]
    const two = [key('a2', 'k4', { name: 'ci' }), key('a2', 'k5', { name: 'deploy' })]
    expect([...createListingFacts()([one, two, undefined]).sharedNames]).toEqual(['a1\nbilling'])
  })

  it('keeps accounts apart even within one list of keys', () => {
    const mixed = [key('a1', 'k1', { name: 'ci' }), key('a2', 'k2', { name: 'ci' }), key('a2', 'k3', { name: 'ci' })]
    expect([...createListingFacts()([mixed]).sharedNames]).toEqual(['a2\nci'])
  })

  it('answers the same listings with the same facts, and new listings afresh', () => {
    const facts = createListingFacts()
    const one = [key('a1', 'k1', { name: 'x' }), key('a1', 'k2', { name: 'x' })]
    const first = facts([one])
    expect(facts([one])).toBe(first)
    const next = facts([[key('a1', 'k1', { name: 'x' }), key('a1', 'k2', { name: 'y' })]])
    expect(next).not.toBe(first)
    expect(next.sharedNames.size).toBe(0)
  })
})

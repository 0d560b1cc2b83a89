// gnome-keyring aborts when Secret Service sessions are negotiated at once, so the keychain helper runs one keytar call
// at a time, however many the app asks for together (the first screen reads every account's credential at once).
import { afterAll, describe, expect, it } from 'vitest'
import { KeytarVault } from '../../src/main/core/vault'
import { hasKeyring, requireKeyringInCi } from './guard'

requireKeyringInCi()

describe.runIf(hasKeyring)('the keychain helper', () => {
  const vault = new KeytarVault('KeyDesk one at a time test')
  afterAll(async () => {
    for (const name of await vault.names()) await vault.delete(name)
    await vault.close()
  })

  it('runs the calls asked together one after another, and each still gets its own answer', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => vault.set(`n${i}`, `secret ${i}`)))
    const read = await Promise.all(Array.from({ length: 24 }, (_, i) => vault.get(`n${i % 8}`)))
    expect(read).toEqual(Array.from({ length: 24 }, (_, i) => `secret ${i % 8}`))
    const stats = await vault.helperStats()
    expect(stats.keytarCalls).toBeGreaterThanOrEqual(32)
    expect(stats.mostAtOnce).toBe(1)
  })
})

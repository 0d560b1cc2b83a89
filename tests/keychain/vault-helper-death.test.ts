// The real keychain helper process dying under a write: the app must not crash on the EPIPE.
import { expect, it } from 'vitest'
import { forkVaultHelper, KeytarVault } from '../../src/main/core/vault'
import type { VaultHelperProcess } from '../../src/main/core/vault-protocol'

it('writing to a helper that has just died fails quietly instead of crashing the app', async () => {
  let helper: VaultHelperProcess | undefined
  const vault = new KeytarVault('KeyDesk test', { spawn: () => (helper = forkVaultHelper()) })
  // Stats need no keyring: they name the helper's process, which the test then kills as a crash would.
  const { pid } = await vault.helperStats()
  if (!helper) throw new Error('no helper started')
  const h = helper
  const exited = new Promise<string | null>((resolve) => h.onExit((_code, signal) => resolve(signal)))
  let writes = 0
  let done = false
  void exited.then(() => (done = true))
  process.kill(pid, 'SIGKILL')
  // Keep writing until the exit is seen (bounded), so some writes land after the helper's end of the pipe closed.
  const deadline = Date.now() + 5000
  while (!done && writes < 10_000 && Date.now() < deadline) {
    h.postMessage({ id: writes, op: 'status', service: 'KeyDesk test' })
    writes++
    await new Promise((resolve) => setImmediate(resolve))
  }
  expect(await exited).toBe('SIGKILL')
  expect(writes).toBeGreaterThan(0)
})

// The real keychain helper process dying under a write: the app must not crash on the EPIPE.
import { expect, it } from 'vitest'
import { forkVaultHelper } from '../../src/main/core/vault-client'

it('writing to a helper that has just died fails quietly instead of crashing the app', async () => {
  const helper = forkVaultHelper()
  const exited = new Promise<string | null>((resolve) => helper.onExit((_code, signal) => resolve(signal)))
  let writes = 0
  let done = false
  void exited.then(() => (done = true))
  helper.kill()
  // Keep writing until the exit is seen (bounded), so some writes land after the helper's end of the pipe closed.
  const deadline = Date.now() + 5000
  while (!done && writes < 10_000 && Date.now() < deadline) {
    helper.postMessage({ id: writes, op: 'status', service: 'KeyDesk test' })
    writes++
    await new Promise((resolve) => setImmediate(resolve))
  }
  expect(await exited).toBe('SIGKILL')
  expect(writes).toBeGreaterThan(0)
})

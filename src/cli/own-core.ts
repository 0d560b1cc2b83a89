// This process's own core, for a command run while no app holds the data directory.
import { createClient, unwrapReply } from '../preload/client'
import { AppCore } from '../main/core/app-core'
import { MemoryClipboard } from '../main/core/clipboard'
import { defaultVaultService } from '../main/core/data-dir'
import type { Claim } from '../main/core/data-dir-owner'
import { KeytarVault } from '../main/core/vault'
import type { Session } from './session'
import { unlocking } from './unlock'
import { version } from '../../package.json'

export async function ownCore(claim: Claim): Promise<Session> {
  const release = (): void => claim.release()
  process.on('exit', release)
  const core = new AppCore({
    dataDir: claim.dataDir,
    version,
    host: 'cli',
    vault: new KeytarVault(defaultVaultService()),
    clipboard: new MemoryClipboard(),
  })
  try {
    await core.start()
  } catch (err) {
    release()
    throw err
  }
  const api = createClient({
    invoke: unlocking(async (channel, input) => unwrapReply(await core.invoke(channel, input, 'cli'))),
    subscribe: (listener) => core.onEvent((event, payload) => listener(event, payload)),
  })
  return {
    api,
    viaApp: false,
    close: async () => {
      await core.close()
      release()
    },
  }
}

// The typed client of a core, built from the channel map as the preload and the browser host build theirs.
import type { AppCore } from '../../src/main/core/app-core'
import { createClient, unwrapReply } from '../../src/preload/client'
import type { AppApi } from '../../src/shared/api'

export function coreClient(core: AppCore): AppApi {
  return createClient({
    invoke: async (channel, input) => unwrapReply(await core.invoke(channel, input)),
    subscribe: (listener) => core.onEvent(listener),
  })
}

// Sandboxed preload: exposes window.api built from the channel map; never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron'
import { EVENT_NAMES, type Reply } from '../shared/api'
import { createClient, unwrapReply } from './client'

const api = createClient({
  invoke: async (channel, input) => unwrapReply((await ipcRenderer.invoke(channel, input)) as Reply),
  subscribe: (listener) => {
    const handlers = EVENT_NAMES.map((name) => {
      const handler = (_e: unknown, payload: unknown): void => listener(name, payload)
      ipcRenderer.on(`event:${name}`, handler)
      return () => ipcRenderer.removeListener(`event:${name}`, handler)
    })
    return () => handlers.forEach((off) => off())
  },
})

contextBridge.exposeInMainWorld('api', api)

// Wires every channel of the map to the core through one guard: trusted sender, schema-checked input, AppError out.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { CHANNELS, type Reply } from '../shared/api'
import { AppError } from '../shared/errors'

export interface Invoker {
  invoke(channel: string, raw: unknown): Promise<Reply>
}

/** The app's own windows: WebContents ids registered at creation and removed when destroyed, plus the origin they load. */
export class TrustedSenders {
  private readonly ids = new Set<number>()

  constructor(private readonly isExpectedUrl: (url: string) => boolean) {}

  add(contents: Pick<WebContents, 'id' | 'once'>): void {
    this.ids.add(contents.id)
    contents.once('destroyed', () => this.ids.delete(contents.id))
  }

  isTrusted(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean {
    const url = event.senderFrame?.url ?? ''
    return this.ids.has(event.sender.id) && this.isExpectedUrl(url)
  }
}

export function guardedHandler(channel: string, core: Invoker, trusted: TrustedSenders) {
  return async (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, raw: unknown): Promise<Reply> => {
    if (!trusted.isTrusted(event)) {
      return {
        ok: false,
        error: new AppError('UNTRUSTED_SENDER', 'Request refused: it did not come from the KeyDesk window.').toData(),
      }
    }
    return core.invoke(channel, raw)
  }
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, core: Invoker, trusted: TrustedSenders): void {
  for (const channel of CHANNELS) ipcMain.handle(channel, guardedHandler(channel, core, trusted))
}

// Secrets are copied by the core to the real system clipboard, checked by reading it back, and cleared after a delay
// (and on quit) only if the clipboard still holds them.
import clipboardy from 'clipboardy'
import { AppError } from '../../shared/errors'
export interface ClipboardPort {
  readText(): Promise<string>
  /** Writes text marked as a secret where the platform allows (x-kde-passwordManagerHint on Linux). */
  writeSecret(text: string): Promise<void>
  clear(): Promise<void>
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms)
    t.unref?.()
    return t
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
}

export class ClipboardGuard {
  private pending: { value: string; timer: unknown } | null = null

  constructor(
    private readonly port: ClipboardPort,
    private readonly delaySec: () => number,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Resolves only when the system clipboard was read back holding the value: never "Copied" without evidence. */
  async copySecret(value: string): Promise<number> {
    this.cancel()
    let readBack: string | null = null
    try {
      await this.port.writeSecret(value)
      readBack = await this.port.readText()
    } catch {
      readBack = null
    }
    if (readBack !== value) {
      throw new AppError(
        'NOT_SUPPORTED',
        'No system clipboard could be reached here, so nothing was copied. Export the secret to a file, or ' +
          'select it and copy it by hand (on Linux, KeyDesk needs a desktop session with wl-copy, xclip or xsel).',
      )
    }
    const sec = this.delaySec()
    this.pending = {
      value,
      timer: this.timers.setTimeout(() => {
        void this.clearIfUnchanged()
      }, sec * 1000),
    }
    return sec
  }

  /** On quit: clear now, unless the user has copied something else since. */
  async clearNow(): Promise<void> {
    await this.clearIfUnchanged()
  }

  private async clearIfUnchanged(): Promise<void> {
    const p = this.pending
    this.cancel()
    if (p && (await this.port.readText()) === p.value) await this.port.clear()
  }

  private cancel(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.timer)
    this.pending = null
  }
}

/** The system clipboard outside Electron (wl-copy, xclip or xsel on Linux; pbcopy; clip), through clipboardy. */
export const systemClipboard: ClipboardPort = {
  readText: () => clipboardy.read(),
  writeSecret: (text) => clipboardy.write(text),
  clear: () => clipboardy.write(''),
}

/** For tests: a process-local clipboard. */
export class MemoryClipboard implements ClipboardPort {
  text = ''
  secretHint = false
  async readText(): Promise<string> {
    return this.text
  }
  async writeSecret(text: string): Promise<void> {
    this.text = text
    this.secretHint = true
  }
  async clear(): Promise<void> {
    this.text = ''
    this.secretHint = false
  }
}

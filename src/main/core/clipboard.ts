// Secrets are copied by the core, and cleared after a delay (and on quit) only if the clipboard still holds them.
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

  async copySecret(value: string): Promise<number> {
    this.cancel()
    await this.port.writeSecret(value)
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

/** For the browser host and tests: a process-local clipboard. */
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

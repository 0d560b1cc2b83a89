// Keeps the keychain's status true without the user asking: checks often while it is locked or unavailable, so
// KeyDesk recovers by itself within seconds of an unlock, and rarely while it works. One check at a time.
import type { VaultStatus } from '../../shared/model'
import type { Clock } from './ports'
import type { SecretVault } from './vault'

const WHILE_DOWN_MS = 2000
const WHILE_UP_MS = 60_000

export class VaultWatch {
  private last: VaultStatus | null = null
  private running: Promise<VaultStatus> | null = null
  private timer: unknown = null
  private stopped = true

  constructor(
    private readonly vault: SecretVault,
    private readonly clock: Clock,
    private readonly onChange: (status: VaultStatus, previous: VaultStatus | null) => void,
  ) {}

  start(): void {
    this.stopped = false
    void this.check()
  }

  stop(): void {
    this.stopped = true
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  current(): VaultStatus | null {
    return this.last
  }

  /** Asks the vault now (sharing a check already under way) and tells listeners when the answer changed. */
  check(): Promise<VaultStatus> {
    this.running ??= this.vault
      .status()
      .then((status) => {
        const previous = this.last
        this.last = status
        if (!previous || previous.state !== status.state || previous.reason !== status.reason)
          this.onChange(status, previous)
        return status
      })
      .finally(() => {
        this.running = null
        this.schedule()
      })
    return this.running
  }

  private schedule(): void {
    if (this.stopped) return
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    const wait = this.last?.state === 'available' ? WHILE_UP_MS : WHILE_DOWN_MS
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      void this.check()
    }, wait)
  }
}

// The fault soak's eyes: what the service really holds (read with its faults switched off for that one listing), and
// what the user was told about which key. Kept apart from the soak so the soak reads as the user's story.
import { createHttp } from '../../src/main/net/http'
import type { Sandbox } from '../../src/sandbox'
import type { Harness } from './create-harness'
import { sandboxControl } from './create-harness'

export interface Faults {
  readonly faultRate: number
  readonly dropAnswerRate: number
}

/** The key ids the service holds for the account right now, read past the faults. */
export async function serviceTruth(
  h: Harness,
  sb: Sandbox,
  label: string,
  accountId: string,
  faults: Faults,
): Promise<string[]> {
  await sandboxControl(sb, 'config', { faultRate: 0, dropAnswerRate: 0, account: label })
  try {
    const ctx = await h.core.accounts.context(accountId)
    const provider = h.core.session.providerOf(accountId)
    const keys = await provider.list({ ...ctx, http: createHttp({ backoffMs: 5 }) })
    return keys.filter((k) => k.state !== 'deleted').map((k) => k.keyId)
  } finally {
    await sandboxControl(sb, 'config', { ...faults, account: label })
  }
}

/** What the user read: create errors, notifications and the notices the app keeps on screen. */
export class Told {
  private readonly texts: string[] = []

  read(text: string): void {
    this.texts.push(text)
  }

  has(keyId: string): boolean {
    return this.texts.some((t) => t.includes(keyId))
  }

  get size(): number {
    return this.texts.length
  }
}

/** Settles `work` while the fake clock moves on in steps (activation waits on it), bounded in steps. */
export async function whileAdvancing<T>(
  clock: { advance(ms: number): Promise<void> },
  work: Promise<T>,
  stepMs = 500,
  maxSteps = 4_000,
): Promise<T> {
  let done = false
  const watched = work.finally(() => {
    done = true
  })
  watched.catch(() => undefined)
  for (let i = 0; i < maxSteps && !done; i += 1) await clock.advance(stepMs)
  return watched
}

/**
 * Propagation records the user could lose: an accepted change of a tracked kind without a record right after it, or
 * a key whose last record was seen propagating and vanished without settling or failing (a newer change of the same
 * key replaces its record).
 */
export class RecordWatch {
  private readonly last = new Map<string, string>()
  readonly missing: string[] = []

  constructor(h: Harness) {
    h.core.onEvent((name, payload) => {
      if (name !== 'propagation.updated') return
      for (const r of (payload as { records: readonly { keyId: string; op: string; state: string }[] }).records) {
        this.last.set(r.keyId, r.state)
      }
    })
  }

  /** After an accepted change whose kind the provider tracks. */
  async expectRecord(h: Harness, op: string, keyId: string): Promise<void> {
    const records = await h.call('propagation.list', {})
    if (!records.some((r) => r.keyId === keyId && r.op === op)) this.missing.push(`${op} ${keyId}`)
  }

  async lost(h: Harness): Promise<string[]> {
    const listed = new Set((await h.call('propagation.list', {})).map((r) => r.keyId))
    const vanished = [...this.last].filter(([id, state]) => state === 'propagating' && !listed.has(id))
    return [...this.missing, ...vanished.map(([id]) => id)]
  }
}

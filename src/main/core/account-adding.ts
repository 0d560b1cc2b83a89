// Concurrent adds: a double submit (the same provider, endpoint and credential) is one add, while different
// credentials for the same endpoint are each added; their duplicate check and save run one at a time per endpoint,
// so two credentials of one user cannot both pass the check.
import { createHash } from 'node:crypto'

export class AddGuard<T> {
  /** By a hash of the request: the credential never becomes a key of its own. */
  private readonly running = new Map<string, Promise<T>>()
  private readonly saving = new Map<string, Promise<unknown>>()

  /** Joins the same request while it runs instead of repeating it. */
  once(request: unknown, run: () => Promise<T>): Promise<T> {
    const key = createHash('sha256').update(JSON.stringify(request)).digest('hex')
    const running = this.running.get(key)
    if (running) return running
    const p = run().finally(() => this.running.delete(key))
    this.running.set(key, p)
    return p
  }

  /** Runs `work` once every earlier one for the same place has finished, whatever their outcome. */
  async exclusive<R>(place: string, work: () => Promise<R>): Promise<R> {
    const before = this.saving.get(place) ?? Promise.resolve()
    const mine = before.then(work)
    const settled = mine.then(
      () => undefined,
      () => undefined,
    )
    this.saving.set(place, settled)
    try {
      return await mine
    } finally {
      if (this.saving.get(place) === settled) this.saving.delete(place)
    }
  }
}

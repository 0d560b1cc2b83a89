// The text a search looks in, one lowercase string per key, kept as an array in the order of the sorted list. A
// keystroke is then a loop over plain strings: a lookup per key (a WeakMap) cost 10 ms at 50,000 keys (bench row 4b).
import type { KeyRecord } from '../../../../shared/model'

const haystacks = new WeakMap<KeyRecord, string>()

/** Name, id, application and cluster, lowercase; remembered per key so a new sort reuses them. */
function haystack(k: KeyRecord): string {
  let h = haystacks.get(k)
  if (h === undefined) {
    h = [k.name, k.keyId, k.extra.applicationName ?? '', k.extra.clusterName ?? ''].join('\n').toLowerCase()
    haystacks.set(k, h)
  }
  return h
}

const done = new WeakMap<readonly KeyRecord[], readonly string[]>()
/** Lists whose texts idle time is still building: the part built so far. */
const building = new WeakMap<readonly KeyRecord[], string[]>()
const WARM_CHUNK = 500

function extend(keys: readonly KeyRecord[], part: string[], upTo: number): void {
  for (let i = part.length; i < upTo; i += 1) part.push(haystack(keys[i]))
}

/** The search texts of `keys`, position for position; whatever idle time has not built yet is built now. */
export function searchTexts(keys: readonly KeyRecord[]): readonly string[] {
  const known = done.get(keys)
  if (known) return known
  const part = building.get(keys) ?? []
  extend(keys, part, keys.length)
  building.delete(keys)
  done.set(keys, part)
  return part
}

/**
 * Builds searchTexts(keys) in the idle time after a listing or a sort, so the first keystroke of a search does not pay
 * for 50,000 texts. A search that comes first finishes the job itself.
 */
export function warmSearch(keys: readonly KeyRecord[]): void {
  if (typeof requestIdleCallback !== 'function' || done.has(keys) || building.has(keys)) return
  const part: string[] = []
  building.set(keys, part)
  const step = (deadline: IdleDeadline): void => {
    if (building.get(keys) !== part) return
    while (part.length < keys.length && deadline.timeRemaining() > 1) {
      extend(keys, part, Math.min(keys.length, part.length + WARM_CHUNK))
    }
    if (part.length < keys.length) {
      requestIdleCallback(step)
      return
    }
    building.delete(keys)
    done.set(keys, part)
  }
  requestIdleCallback(step)
}

/** Positions of the texts that contain `search`; only among `within` when given (a shorter search's answer). */
export function positionsMatching(
  texts: readonly string[],
  search: string,
  within: readonly number[] | null,
): readonly number[] {
  const out: number[] = []
  if (within) {
    for (const i of within) if (texts[i].includes(search)) out.push(i)
  } else {
    for (let i = 0; i < texts.length; i += 1) if (texts[i].includes(search)) out.push(i)
  }
  return out
}

// What the key list needs to know about the listings themselves, worked out once per listing and remembered: the
// same listings give the same answer (the same objects), so a keystroke of a search costs nothing here.
import type { KeyRecord } from '../../../../shared/model'

type Lists = readonly (readonly KeyRecord[] | undefined)[]

export interface ListingFacts {
  /** Names that more than one key of the same account carries, as `${accountId}\n${name}`. */
  readonly sharedNames: ReadonlySet<string>
  /** Keys from every listing that the columns' widths are measured on: a search does not make columns jump. */
  readonly sample: readonly KeyRecord[]
}

/** Enough keys to measure the widest values, taken from every account so each account's label is among them. */
const SAMPLE = 400
const sharedOf = new WeakMap<readonly KeyRecord[], readonly string[]>()

export function createListingFacts(): (lists: Lists) => ListingFacts {
  let prev: Lists = []
  let out: ListingFacts = { sharedNames: new Set(), sample: [] }
  return (lists) => {
    if (lists.length === prev.length && lists.every((l, i) => l === prev[i])) return out
    prev = lists
    const sharedNames = new Set<string>()
    for (const keys of lists) for (const id of keys ? sharedOfListing(keys) : []) sharedNames.add(id)
    const each = Math.max(1, Math.ceil(SAMPLE / Math.max(1, lists.length)))
    out = { sharedNames, sample: lists.flatMap((keys) => (keys ? keys.slice(0, each) : [])) }
    return out
  }
}

function sharedOfListing(keys: readonly KeyRecord[]): readonly string[] {
  let shared = sharedOf.get(keys)
  if (!shared) {
    shared = namesShared(keys)
    sharedOf.set(keys, shared)
  }
  return shared
}

/**
 * Names compared per account, as they are: building an account-and-name string for each of 50,000 keys first cost
 * more than the rest of the list's first render (bench row 3). A listing is one account's keys, so it has one set.
 */
function namesShared(keys: readonly KeyRecord[]): readonly string[] {
  const seen = new Map<string, Set<string>>()
  const shared = new Set<string>()
  for (const k of keys) {
    let names = seen.get(k.accountId)
    if (!names) seen.set(k.accountId, (names = new Set()))
    if (names.has(k.name)) shared.add(`${k.accountId}\n${k.name}`)
    else names.add(k.name)
  }
  return [...shared]
}

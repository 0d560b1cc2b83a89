// Limits every front end checks before it sends anything, and the core checks again.

/** The largest accounts file KeyDesk reads: a file of accounts is a few kilobytes. */
export const IMPORT_MAX_BYTES = 1_000_000

/** The channel's bound on a key name (keys.create, keys.rename, rotation.create): no provider's limit goes beyond it. */
export const NAME_MAX = 255

/**
 * A key name's length as the services count it: in characters (code points), so an emoji is one, not the two UTF-16
 * units `.length` counts. Every name limit in KeyDesk counts this way, or a name the service takes is refused early.
 */
export function nameLength(name: string): number {
  return [...name].length
}

export const IMPORT_TOO_LARGE = 'The file is larger than 1 MB: a file of accounts is a few kilobytes. Choose that file.'

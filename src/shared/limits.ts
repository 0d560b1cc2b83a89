// Limits every front end checks before it sends anything, and the core checks again.

/** The largest accounts file KeyDesk reads: a file of accounts is a few kilobytes. */
export const IMPORT_MAX_BYTES = 1_000_000

export const IMPORT_TOO_LARGE = 'The file is larger than 1 MB: a file of accounts is a few kilobytes. Choose that file.'

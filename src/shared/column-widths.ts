// The key list's column widths as the settings file keeps them. Plain code, no zod: the renderer reads them too, and
// the channel map's schemas stay out of its bundle.

/** A width is whole pixels a screen can show. */
export const COLUMN_WIDTH = { min: 20, max: 4000 } as const
/** Column ids are short words. */
export const COLUMN_ID = /^[A-Za-z]{1,24}$/
export const MAX_COLUMNS = 24

/** The widths in `value` that are widths of columns: a hand-edited or older settings file must not break the list. */
export function keptWidths(value: unknown): Readonly<Record<string, number>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {}
  const kept: Record<string, number> = {}
  // Junk entries are dropped before the count, so they cannot crowd out the good ones.
  for (const [id, px] of Object.entries(value)) {
    if (Object.keys(kept).length >= MAX_COLUMNS) break
    if (!COLUMN_ID.test(id) || !Number.isInteger(px)) continue
    if ((px as number) >= COLUMN_WIDTH.min && (px as number) <= COLUMN_WIDTH.max) kept[id] = px as number
  }
  return kept
}

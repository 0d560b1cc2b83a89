// The user's preferences: what settings.get answers and the patch settings.set accepts.
import { z } from 'zod'
import { COLUMN_ID, COLUMN_WIDTH, MAX_COLUMNS } from './column-widths'
import { PROVIDER_IDS } from './model'

export interface Preferences {
  readonly theme: 'system' | 'light' | 'dark'
  readonly keepSecretsByDefault: boolean
  readonly clipboardClearSec: number
  readonly list: {
    readonly search: string
    readonly states: readonly string[]
    readonly providers: readonly string[]
    readonly sortKey: string
    readonly sortDesc: boolean
  }
  /** Key list column widths the user dragged to, px by column id; absent in files written before they were kept. */
  readonly columnWidths?: Readonly<Record<string, number>>
}

const columnWidths = z
  .record(z.string().regex(COLUMN_ID), z.number().int().min(COLUMN_WIDTH.min).max(COLUMN_WIDTH.max))
  .refine((widths) => Object.keys(widths).length <= MAX_COLUMNS, `at most ${MAX_COLUMNS} columns`)

export const preferencesPatch = z
  .object({
    theme: z.enum(['system', 'light', 'dark']).optional(),
    keepSecretsByDefault: z.boolean().optional(),
    clipboardClearSec: z.number().int().min(5).max(600).optional(),
    list: z
      .object({
        search: z.string().max(200),
        states: z.array(z.string().max(40)).max(10),
        providers: z.array(z.enum(PROVIDER_IDS)).max(PROVIDER_IDS.length),
        sortKey: z.string().max(40),
        sortDesc: z.boolean(),
      })
      .optional(),
    columnWidths: columnWidths.optional(),
  })
  .strict()

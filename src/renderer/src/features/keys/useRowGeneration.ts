// Which row elements a render may reuse. Rows are reused by position while the user's own search, filters or sort
// change what they show: a keystroke then updates the rows in view in place instead of mounting new ones (bench rows 4
// and 4b). Whenever the rows change any other way (a listing arriving, a propagation settling under a state filter),
// the generation moves on and every row is mounted afresh, so an element found by automation or assistive technology
// never starts meaning another key by itself.
import { useState } from 'react'
import type { KeyRecord } from '../../../../shared/model'

export function useRowGeneration(rows: readonly KeyRecord[], query: object): number {
  const [seen, setSeen] = useState({ rows, query, generation: 0 })
  if (seen.rows === rows && seen.query === query) return seen.generation
  const generation = seen.query === query ? seen.generation + 1 : seen.generation
  setSeen({ rows, query, generation })
  return generation
}

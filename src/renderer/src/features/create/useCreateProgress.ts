// The core reports each stage of one create (by requestId): creating → activating → fetching → done.
import { useEffect, useState } from 'react'
import type { Events } from '../../../../shared/api'
import { api } from '../../api'

export type CreateStage = Events['create.progress']['stage']

export function useCreateProgress(requestId: string): Events['create.progress'] | null {
  const [latest, setLatest] = useState<Events['create.progress'] | null>(null)
  useEffect(
    () =>
      api.on('create.progress', (p) => {
        if (p.requestId === requestId) setLatest(p)
      }),
    [requestId],
  )
  return latest
}

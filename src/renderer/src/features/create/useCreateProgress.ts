// The core reports each stage of one create (by requestId): creating → activating → fetching → done.
import { useEffect, useState } from 'react'
import type { Events } from '../../../../shared/api'
import { useActions } from '../../actions/context'

export type CreateStage = Events['create.progress']['stage']

export function useCreateProgress(requestId: string): Events['create.progress'] | null {
  const [latest, setLatest] = useState<Events['create.progress'] | null>(null)
  const { create } = useActions()
  useEffect(() => create.onProgress(requestId, setLatest), [create, requestId])
  return latest
}

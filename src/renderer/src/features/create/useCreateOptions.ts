// Onqlave's create form offers the tenant's applications and Arx clusters; the other services need no choices.
import { useEffect, useState } from 'react'
import type { CreateOptionsView } from '../../../../shared/api'
import type { AccountView } from '../../../../shared/model'
import { api } from '../../api'
import { toProblem, type Problem } from '../../store/problem'

export interface OptionsState {
  readonly options: CreateOptionsView | null
  readonly loading: boolean
  readonly problem: Problem | null
  readonly retry: () => void
}

export function useCreateOptions(account: AccountView): OptionsState {
  const needed = account.provider === 'onqlave'
  const [options, setOptions] = useState<CreateOptionsView | null>(null)
  const [loading, setLoading] = useState(needed)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!needed) return
    let live = true
    setLoading(true)
    setProblem(null)
    api.keys.createOptions({ accountId: account.id }).then(
      (o) => {
        if (live) {
          setOptions(o)
          setLoading(false)
        }
      },
      (err: unknown) => {
        if (live) {
          setProblem(toProblem(err))
          setLoading(false)
        }
      },
    )
    return () => {
      live = false
    }
  }, [account.id, needed, attempt])
  return { options, loading, problem, retry: () => setAttempt((n) => n + 1) }
}

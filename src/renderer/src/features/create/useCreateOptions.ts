// Onqlave's create form offers the tenant's applications and Arx clusters; the other services need no choices.
import { useEffect, useState } from 'react'
import type { CreateOptionsView } from '../../../../shared/api'
import type { AccountView } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import { toProblem, type Problem } from '../../store/problem'
import { useDescriptor } from '../../store/stores'

export interface OptionsState {
  readonly options: CreateOptionsView | null
  readonly loading: boolean
  readonly problem: Problem | null
  readonly retry: () => void
}

export function useCreateOptions(account: AccountView): OptionsState {
  const needed = useDescriptor(account.provider).create.fields.some((f) => f.choices !== undefined)
  const [options, setOptions] = useState<CreateOptionsView | null>(null)
  const [loading, setLoading] = useState(needed)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [attempt, setAttempt] = useState(0)
  // A new account or a retry starts a fresh load: reset during render rather than in the effect.
  const request = `${account.id}|${String(needed)}|${attempt}`
  const [requested, setRequested] = useState(request)
  if (requested !== request) {
    setRequested(request)
    if (needed) {
      setLoading(true)
      setProblem(null)
    }
  }
  const { create } = useActions()
  useEffect(() => {
    if (!needed) return
    let live = true
    create.options(account.id).then(
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
  }, [account.id, needed, attempt, create])
  return { options, loading, problem, retry: () => setAttempt((n) => n + 1) }
}

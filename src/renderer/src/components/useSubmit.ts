// Progress and failure for one async form action.
import { useState } from 'react'
import { toProblem, type Problem } from '../store/problem'

export function useSubmit(): {
  busy: boolean
  problem: Problem | null
  run: (work: () => Promise<void>) => Promise<void>
  reset: () => void
} {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true)
    setProblem(null)
    try {
      await work()
    } catch (err) {
      setProblem(toProblem(err))
    } finally {
      setBusy(false)
    }
  }
  return { busy, problem, run, reset: () => setProblem(null) }
}

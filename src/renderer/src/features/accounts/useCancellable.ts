// An account form's save that the core can stop: it runs with a request id, and the form's Cancel stops it there
// (accounts.cancel) or, when nothing runs, closes the form.
import { useRef } from 'react'
import { useActions } from '../../actions/context'
import { useSubmit } from '../../components/useSubmit'

export function useCancellable(onClose: () => void) {
  const { busy, problem, run } = useSubmit()
  const actions = useActions()
  const running = useRef<string | null>(null)
  const submit = (work: (requestId: string) => Promise<void>): Promise<void> =>
    run(async () => {
      const requestId = crypto.randomUUID()
      running.current = requestId
      try {
        await work(requestId)
      } finally {
        running.current = null
      }
    })
  const cancel = (): void => {
    if (running.current) void actions.accounts.cancel(running.current).catch(() => undefined)
    else onClose()
  }
  return { busy, problem, submit, cancel }
}

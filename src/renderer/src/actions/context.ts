// How components reach the actions: one instance per app (or per test), provided at the root.
import { createContext, useContext } from 'react'
import type { Actions } from './index'

export const ActionsContext = createContext<Actions | null>(null)

export function useActions(): Actions {
  const actions = useContext(ActionsContext)
  if (!actions) throw new Error('The renderer is rendered outside its actions provider.')
  return actions
}

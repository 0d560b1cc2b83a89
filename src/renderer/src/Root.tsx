// Hands one set of stores and actions, built over one api, to everything below it.
import { useState, type ReactNode } from 'react'
import type { AppApi } from '../../shared/api'
import { createActions, type Actions } from './actions'
import { ActionsContext } from './actions/context'
import { createStores, StoresContext, type Stores } from './store/stores'

export interface Wiring {
  readonly stores: Stores
  readonly actions: Actions
}

export function wire(api: AppApi): Wiring {
  const stores = createStores(api)
  return { stores, actions: createActions(api, stores) }
}

export function Root({ wiring, children }: { readonly wiring: Wiring; readonly children: ReactNode }) {
  const [w] = useState(wiring)
  return (
    <StoresContext.Provider value={w.stores}>
      <ActionsContext.Provider value={w.actions}>{children}</ActionsContext.Provider>
    </StoresContext.Provider>
  )
}

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { api } from './api'
import { App } from './App'
import { Root, wire } from './Root'
// In this order: each sheet builds on the variables and rules of the ones before it.
import './styles.css'
import './styles-sidebar.css'
import './styles-keys.css'
import './styles-dialogs.css'

const wiring = wire(api)
// The first requests (the accounts, the listings the core already holds) leave before React renders anything, so
// they travel while the shell builds. Never stopped: it lasts as long as the window.
wiring.actions.startSync()

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Root wiring={wiring}>
      <App />
    </Root>
  </StrictMode>,
)

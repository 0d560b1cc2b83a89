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

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Root wiring={wire(api)}>
      <App />
    </Root>
  </StrictMode>,
)

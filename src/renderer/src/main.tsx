import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { api } from './api'
import { App } from './App'
import { Root, wire } from './Root'
import './styles.css'

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Root wiring={wire(api)}>
      <App />
    </Root>
  </StrictMode>,
)

// The one dialog: first field focused, an alert role for confirmations, a guarded close, focus back on the opener.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Dialog } from '../../src/renderer/src/components/Dialog'

function Opener({ guard, alert }: { readonly guard?: boolean | (() => void); readonly alert?: boolean }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open it
      </button>
      {open && (
        <Dialog
          title="Name the thing"
          alert={alert}
          guard={guard}
          onClose={() => setOpen(false)}
          footer={<button type="button">Save</button>}
        >
          <label>
            Name <input />
          </label>
        </Dialog>
      )}
    </>
  )
}

describe('the dialog', () => {
  afterEach(cleanup)

  it('opens focused on its first field, not on ×, and gives focus back to its opener when it closes', async () => {
    render(<Opener />)
    const opener = screen.getByRole('button', { name: 'Open it' })
    opener.focus()
    fireEvent.click(opener)
    // Radix moves focus on the next frame.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' })))
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() => expect(document.activeElement).toBe(opener))
  })

  it('is an alert dialog when it confirms, and a guarded one refuses to close or asks first', async () => {
    const ask = vi.fn()
    render(<Opener alert guard={ask} />)
    fireEvent.click(screen.getByRole('button', { name: 'Open it' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Name the thing' })
    fireEvent.keyDown(dialog, { key: 'Escape' })
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(ask).toHaveBeenCalledTimes(2)
    expect(screen.getByRole('alertdialog')).toBeTruthy()
  })
})

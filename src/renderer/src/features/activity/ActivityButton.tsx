// The one entry point into the Activity view: a top-bar button that opens it.
import { useState } from 'react'
import { Icon } from '../../components/Icon'
import { ActivityDialog } from './ActivityDialog'

export function ActivityButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="ghost" onClick={() => setOpen(true)}>
        <Icon name="clock" /> Activity
      </button>
      {open && <ActivityDialog open onOpenChange={setOpen} />}
    </>
  )
}

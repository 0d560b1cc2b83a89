// A form KeyDesk checks itself: no browser validation bubbles, and submitting (Enter or a submit button, also one in a
// dialog's footer through its `form` attribute) runs onSubmit instead of reloading the page.
import type { ComponentPropsWithRef } from 'react'

type Props = Omit<ComponentPropsWithRef<'form'>, 'onSubmit' | 'noValidate'> & { readonly onSubmit: () => void }

export function Form({ onSubmit, ...rest }: Props) {
  return (
    <form
      {...rest}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit()
      }}
    />
  )
}

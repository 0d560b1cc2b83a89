// The answer to Test connection or Save shows where the user is: the buttons stay at the bottom edge of a tall
// dialog, and an answer rendered below the fold went unseen and unheard.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { AddAccountForm } from '../../src/renderer/src/features/accounts/AddAccountDialog'
import { createFakeApi, harness, type Harness } from './fake-api'

const api = createFakeApi()
let h: Harness
let scrolled: MockInstance<Element['scrollIntoView']>

const type = (label: string, value: string): void => {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}
const fill = (): void => {
  type('Label', 'Prod')
  type('Console API endpoint', 'https://console-api.acme.test')
  type('API key, client secret or access token (JWT)', 'eyJ.expired.key')
}
const refused = new AppError('AUTH_FAILED', 'SpaceONE at console-api.acme.test did not accept the API key you entered.')

const boxHolds = (box: unknown, el: Element): boolean => box instanceof Element && box.contains(el)
/** Whether `el`, or a box holding it, was scrolled into view by the least move that shows it. */
const scrolledTo = (el: Element): boolean =>
  scrolled.mock.calls.some(
    ([how], i) =>
      boxHolds(scrolled.mock.contexts[i], el) && (how as ScrollIntoViewOptions | undefined)?.block === 'nearest',
  )

describe('the answer in the add-account form', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    // The test DOM may lack scrollIntoView: a stand-in to spy on.
    if (!Reflect.has(Element.prototype, 'scrollIntoView')) {
      Reflect.set(Element.prototype, 'scrollIntoView', () => undefined)
    }
    scrolled = vi.spyOn(Element.prototype, 'scrollIntoView')
  })
  afterEach(() => {
    scrolled.mockRestore()
    cleanup()
  })

  it('a refused Test connection is scrolled into sight and takes focus, so it is seen and read out', async () => {
    api.accounts.validate.mockRejectedValue(refused)
    h.view(<AddAccountForm onDone={() => undefined} />)
    fill()
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('did not accept the API key you entered')
    await waitFor(() => expect(scrolledTo(alert)).toBe(true))
    expect(document.activeElement?.contains(alert)).toBe(true)
  })

  it('a failed Save is brought into sight the same way', async () => {
    api.accounts.add.mockRejectedValue(refused)
    h.view(<AddAccountForm onDone={() => undefined} />)
    fill()
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }))
    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(scrolledTo(alert)).toBe(true))
    expect(document.activeElement?.contains(alert)).toBe(true)
  })

  it('a working connection is shown too, and the same refusal twice is shown twice', async () => {
    api.accounts.validate.mockResolvedValueOnce({ summary: 'alice@acme', facts: {} }).mockRejectedValue(refused)
    h.view(<AddAccountForm onDone={() => undefined} />)
    fill()
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }))
    const works = await screen.findByText(/Connection works: alice@acme/)
    await waitFor(() => expect(scrolledTo(works)).toBe(true))
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }))
    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(scrolledTo(alert)).toBe(true))
    scrolled.mockClear()
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }))
    await waitFor(() => expect(api.accounts.validate).toHaveBeenCalledTimes(3))
    await waitFor(() => expect(scrolledTo(screen.getByRole('alert'))).toBe(true))
  })

  it('a Save refused for a missing field takes the keyboard to the first such field, which shows it', async () => {
    h.view(<AddAccountForm onDone={() => undefined} />)
    type('Label', 'Prod')
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }))
    const endpoint = screen.getByLabelText('Console API endpoint')
    await waitFor(() => expect(document.activeElement).toBe(endpoint))
    expect(endpoint.getAttribute('aria-invalid')).toBe('true')
    expect(api.accounts.add).not.toHaveBeenCalled()
    // Fixed and refused again for the next field: the keyboard moves on to it.
    type('Console API endpoint', 'https://console-api.acme.test')
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }))
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('API key, client secret or access token (JWT)')),
    )
  })
})

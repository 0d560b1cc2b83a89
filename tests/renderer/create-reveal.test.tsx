import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { account, createFakeApi, harness } from './fake-api'
import { createdKey, SECRET } from './create-support'

import { RevealDialog } from '../../src/renderer/src/features/create/RevealDialog'
const api = createFakeApi()
let h = harness(api)
const space = account('s1', 'spaceone', 'Space prod')

function page(): string {
  return document.documentElement.outerHTML
}

describe('the one-time reveal dialog', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    api.secrets.release.mockResolvedValue(undefined)
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('masks every secret part by default and shows it only when asked', async () => {
    h.view(<RevealDialog account={space} created={createdKey()} onClosed={() => undefined} />)
    expect(screen.getByText('api-key-0123456789ab', { selector: 'code' })).toBeTruthy()
    expect(page()).not.toContain(SECRET)
    const eye = screen.getByRole('button', { name: 'Show API key' })
    expect(eye.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(eye)
    expect(screen.getByText(SECRET)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Hide API key' }))
    expect(page()).not.toContain(SECRET)
  })

  it('copies through the core, never the browser clipboard, and says when it clears', async () => {
    const writeText = vi.fn()
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    api.keys.copySecret.mockResolvedValue({ clearsInSec: 30 })
    h.view(<RevealDialog account={space} created={createdKey()} onClosed={() => undefined} />)
    fireEvent.click(screen.getByRole('button', { name: 'Copy API key' }))
    await screen.findByText('Copied — clears in 30 s')
    expect(api.keys.copySecret).toHaveBeenCalledWith({ handle: 'handle-1', part: 'API key' })
    expect(writeText).not.toHaveBeenCalled()
  })

  it('releases the secret in the core when its parent goes away without a close', () => {
    const { unmount } = h.view(<RevealDialog account={space} created={createdKey()} onClosed={() => undefined} />)
    expect(api.secrets.release).not.toHaveBeenCalled()
    unmount()
    expect(api.secrets.release).toHaveBeenCalledWith({ handle: 'handle-1' })
    expect(page()).not.toContain(SECRET)
  })

  it('ignores a click outside, and asks before Escape closes it', async () => {
    const onClosed = vi.fn()
    h.view(<RevealDialog account={space} created={createdKey()} onClosed={onClosed} />)
    fireEvent.pointerDown(document.querySelector('.overlay') as Element)
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    const confirm = await screen.findByRole('alertdialog')
    expect(confirm.textContent).toContain('You will not be able to see this secret again')
    expect(onClosed).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Back to the secret' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(screen.getByRole('dialog')).toBeTruthy()
    expect(api.secrets.release).not.toHaveBeenCalled()
  })

  it('releases the handle on close and leaves no trace of the secret in the page', async () => {
    let open = true
    const { rerender } = h.view(
      <RevealDialog
        account={space}
        created={createdKey()}
        onClosed={() => {
          open = false
        }}
      />,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Show API key' }))
    expect(page()).toContain(SECRET)
    fireEvent.click(screen.getByRole('button', { name: 'Done' }))
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Close' }))
    expect(api.secrets.release).toHaveBeenCalledWith({ handle: 'handle-1' })
    expect(open).toBe(false)
    rerender(<>{open && <RevealDialog account={space} created={createdKey()} onClosed={() => undefined} />}</>)
    await waitFor(() => expect(page()).not.toContain(SECRET))
    expect(document.body.textContent).not.toContain('api-key-0123456789ab')
  })

  it('downloads an export the browser host hands back, named as the service names it', async () => {
    const created: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob)
      return 'blob:x'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const clicked: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download)
    })
    api.keys.export.mockResolvedValue({ fileName: 'spacectl_config', content: `api_key: ${SECRET}\n` })
    h.view(<RevealDialog account={space} created={createdKey()} onClosed={() => undefined} />)
    fireEvent.click(screen.getByRole('button', { name: /Export spacectl config/ }))
    await screen.findByText('Downloaded spacectl_config')
    expect(api.keys.export).toHaveBeenCalledWith({ handle: 'handle-1', format: 'spacectl_config' })
    expect(clicked).toEqual(['spacectl_config'])
    expect(await created[0]?.text()).toBe(`api_key: ${SECRET}\n`)
  })

  it('shows where Electron saved an export, and what "Try it" found', async () => {
    api.keys.export.mockResolvedValue({ fileName: 'api_key', savedTo: '/home/me/api_key' })
    api.keys.try.mockResolvedValue({ ok: false, message: 'SpaceONE rejected the key.' })
    h.view(<RevealDialog account={space} created={createdKey()} onClosed={() => undefined} />)
    fireEvent.click(screen.getByRole('button', { name: /Export API key \(JSON\)/ }))
    await screen.findByText('Saved to /home/me/api_key')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try it' }))
    })
    const result = (await screen.findByText(/rejected the key/)).closest('[role="status"]')
    expect(result?.textContent).toMatch(/Failed: SpaceONE rejected the key\./)
    expect(result?.className).toBe('bad')
  })

  it('keeps the secret in the keychain from the dialog when it was not kept at creation', async () => {
    api.keys.keepSecret.mockResolvedValue(undefined)
    api.keys.kept.mockResolvedValue(['api-key-0123456789ab'])
    h.view(<RevealDialog account={space} created={createdKey()} onClosed={() => undefined} />)
    // The endpoints list scrolls past a few: its heading counts them.
    expect(screen.getByRole('heading', { name: 'Endpoints (1)' })).toBeTruthy()
    const warning = screen.getByText(/this is the only time KeyDesk can show this secret/)
    expect(warning.textContent).toMatch(/Copy or export it now, or keep it in your keychain/)
    fireEvent.click(screen.getByRole('button', { name: 'Keep in keychain' }))
    await screen.findByText(/Kept in your keychain/)
    expect(api.keys.keepSecret).toHaveBeenCalledWith({ handle: 'handle-1' })
    // Kept: the warning no longer says "copy or export it now" beside a line saying it can be done later.
    expect(warning.textContent).toMatch(/kept in your keychain, so you can still copy or export it later/)
    expect(warning.textContent).not.toMatch(/export it now/)
  })
})

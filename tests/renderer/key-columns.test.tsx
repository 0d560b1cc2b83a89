import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KeyRecord } from '../../src/shared/model'
import { fitColumns, resized } from '../../src/renderer/src/features/keys/column-fit'
import { columnsFor } from '../../src/renderer/src/features/keys/columns'
import { KeyList } from '../../src/renderer/src/features/keys/KeyList'
import { account, createFakeApi, DESCRIPTORS, harness, key, PREFERENCES } from './fake-api'

const api = createFakeApi()
let h = harness(api)

const ALL_VIEW = columnsFor(true, DESCRIPTORS)
const UUID_WIDE = { name: 200, keyId: 310, account: 150, application: 170 }
const ids = (fit: ReturnType<typeof fitColumns>) => fit.columns.map((c) => c.id)
const total = (fit: ReturnType<typeof fitColumns>) => fit.widths.reduce((n, w) => n + w, 0)
const widthOf = (fit: ReturnType<typeof fitColumns>, id: string) => fit.widths[ids(fit).indexOf(id as never)] ?? 0

const loaded = (keys: readonly KeyRecord[]) => ({
  keys,
  loading: false,
  fetchedAt: Date.now(),
  error: null,
  again: false,
})
const cloud = account('c1', 'cloudmc', 'Demo CloudMC 2')
const uuid = '3bd059d1-1347-4f0e-9a55-1d1ee8f3c2a4'

function showList(width: number): HTMLElement {
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width)
  h.stores.app.setState({ accounts: [cloud], view: 'all' })
  h.stores.keys.setState({ byAccount: { c1: loaded([key('c1', uuid, { name: 'exporter' })]) } })
  h.view(<KeyList account={undefined} />)
  return screen.getByRole('grid', { name: 'Keys of all accounts' })
}

const headerTemplate = (grid: HTMLElement): string =>
  (grid.querySelector('[aria-rowindex="1"]') as HTMLElement).style.gridTemplateColumns

describe('the key list fits its columns to the window', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    api.settings.set.mockResolvedValue(PREFERENCES)
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('says beside its name that a key has expired when the window has no room for the Flags column', () => {
    const expired = key('c1', 'k-old', { expiresAt: new Date(Date.now() - 86_400_000).toISOString() })
    const nameCell = (grid: HTMLElement) =>
      within(grid).getByRole('button', { name: 'k-old' }).closest('[role="gridcell"]') as HTMLElement
    h.stores.app.setState({ accounts: [cloud], view: 'all' })
    h.stores.keys.setState({ byAccount: { c1: loaded([expired]) } })
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(560)
    const { unmount } = h.view(<KeyList account={undefined} />)
    let grid = screen.getByRole('grid', { name: 'Keys of all accounts' })
    expect(within(grid).queryByRole('columnheader', { name: /^Flags/ })).toBeNull()
    expect(within(nameCell(grid)).getByText('expired').getAttribute('title')).toMatch(/^Expired 1 day ago/)
    unmount()
    width.mockReturnValue(1800)
    h.view(<KeyList account={undefined} />)
    grid = screen.getByRole('grid', { name: 'Keys of all accounts' })
    expect(within(grid).getByRole('columnheader', { name: /^Flags/ })).toBeTruthy()
    expect(within(nameCell(grid)).queryByText('expired')).toBeNull()
  })

  it('never widens a column past what the settings can keep, nor narrows it under its minimum', () => {
    const keyId = ALL_VIEW.find((c) => c.id === 'keyId')
    if (!keyId) throw new Error('no Key id column')
    expect(resized({}, keyId, 9_999).keyId).toBe(4_000)
    expect(resized({}, keyId, 3).keyId).toBe(keyId.min)
  })

  it('at 1440 px shows key ids and account labels whole, hiding App · Arx and then Age first', () => {
    const fit = fitColumns(ALL_VIEW, 1180, UUID_WIDE, {})
    expect(widthOf(fit, 'keyId')).toBeGreaterThanOrEqual(310)
    expect(widthOf(fit, 'account')).toBeGreaterThanOrEqual(150)
    expect(ids(fit)).not.toContain('application')
    expect(ids(fit)).toContain('createdAt')
    expect(total(fit)).toBe(1180)
  })

  it('at 1024 px never needs sideways scrolling and keeps name, state and the actions', () => {
    const fit = fitColumns(ALL_VIEW, 760, UUID_WIDE, {})
    expect(total(fit)).toBeLessThanOrEqual(760)
    expect(ids(fit)).toEqual(expect.arrayContaining(['select', 'name', 'state', 'actions', 'account']))
    for (const gone of ['application', 'age', 'lastUsed']) expect(ids(fit)).not.toContain(gone)
  })

  it('never hides the column the list is sorted by', () => {
    const fit = fitColumns(ALL_VIEW, 760, UUID_WIDE, {}, ['age'])
    expect(ids(fit)).toContain('age')
    expect(total(fit)).toBeLessThanOrEqual(760)
  })

  it('at 1920 px shows every column', () => {
    const fit = fitColumns(ALL_VIEW, 1650, UUID_WIDE, {})
    expect(ids(fit)).toEqual(ALL_VIEW.map((c) => c.id))
    expect(total(fit)).toBe(1650)
  })

  it('hides columns in the rendered list when the window is narrow', () => {
    const grid = showList(700)
    const headers = within(grid)
      .getAllByRole('columnheader')
      .map((c) => c.textContent)
    expect(headers.join(' ')).not.toMatch(/App · Arx|Age/)
    expect(headers.join(' ')).toMatch(/Name/)
    const sum = headerTemplate(grid)
      .split(' ')
      .reduce((n, w) => n + parseFloat(w), 0)
    expect(sum).toBeLessThanOrEqual(700)
  })

  it('builds its rows once the width is known, so no row is laid out with every column and then rebuilt', () => {
    // Rows in the page each time the table's width is read: a read forces a layout of whatever is there.
    const rowsAtRead: number[] = []
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(() => {
      rowsAtRead.push(document.querySelectorAll('[role="row"][aria-rowindex="2"]').length)
      return 700
    })
    h.stores.app.setState({ accounts: [cloud], view: 'all' })
    h.stores.keys.setState({ byAccount: { c1: loaded([key('c1', uuid, { name: 'exporter' })]) } })
    h.view(<KeyList account={undefined} />)
    expect(width).toHaveBeenCalled()
    expect(rowsAtRead[0]).toBe(0)
    expect(screen.getAllByRole('row')).toHaveLength(2)
  })

  it('widens a column with Alt+→ on its header and keeps the width in the settings', async () => {
    const grid = showList(1800)
    const before = headerTemplate(grid)
    const keyIdHeader = within(grid).getByRole('button', { name: /^Key id/ })
    fireEvent.keyDown(keyIdHeader, { key: 'ArrowRight', altKey: true })
    const after = headerTemplate(grid)
    expect(after).not.toBe(before)
    const index = within(grid)
      .getAllByRole('columnheader')
      .findIndex((c) => c.textContent?.startsWith('Key id'))
    expect(parseFloat(after.split(' ')[index] ?? '0') - parseFloat(before.split(' ')[index] ?? '0')).toBe(16)
    const width = h.stores.prefs.getState().columnWidths.keyId
    expect(width).toBeGreaterThan(0)
    await vi.waitFor(() => expect(h.api.settings.set).toHaveBeenCalledWith({ columnWidths: { keyId: width } }))
  })

  it('writes a dragged width as the drag ends, not 400 ms later (the window may be closed next)', () => {
    const grid = showList(1800)
    const edge = within(grid)
      .getAllByRole('columnheader')
      .find((c) => c.textContent?.startsWith('Key id'))
    const handle = edge?.querySelector('.col-resize') as HTMLElement
    handle.setPointerCapture = vi.fn()
    fireEvent.pointerDown(handle, { pointerId: 1, clientX: 500 })
    fireEvent.pointerMove(handle, { pointerId: 1, clientX: 560 })
    const width = h.stores.prefs.getState().columnWidths.keyId
    expect(width).toBeGreaterThan(0)
    expect(h.api.settings.set).not.toHaveBeenCalled()
    fireEvent.pointerUp(handle, { pointerId: 1, clientX: 560 })
    expect(h.api.settings.set).toHaveBeenCalledTimes(1)
    expect(h.api.settings.set).toHaveBeenCalledWith({ columnWidths: { keyId: width } })
  })

  it('counts one key in the singular, and shows the focused row whole under the list while it has the keyboard', () => {
    const grid = showList(700)
    expect(screen.getByText('1 key')).toBeTruthy()
    expect(screen.queryByTestId('full-values')).toBeNull()
    act(() => grid.focus())
    const line = screen.getByTestId('full-values')
    expect(line.textContent).toContain(uuid)
    expect(line.textContent).toContain('Demo CloudMC 2 · CloudMC')
    act(() => grid.blur())
    expect(screen.queryByTestId('full-values')).toBeNull()
  })
})

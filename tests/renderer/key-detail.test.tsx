import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SlotsContext, type Slots } from '../../src/renderer/src/components/slots'
import { KeyDetail } from '../../src/renderer/src/features/keys/KeyDetail'
import { KeyRowActions } from '../../src/renderer/src/features/lifecycle/KeyRowActions'
import { account, createFakeApi, harness, key, type Harness } from './fake-api'

const api = createFakeApi()
let h: Harness
const onq = account('o1', 'onqlave', 'Demo Onqlave')
const none = (): null => null
const SLOTS: Slots = {
  KeyActions: KeyRowActions,
  KeyActionsMenu: none,
  CreateKey: none,
  CreateFlow: none,
  Reveal: none,
}

const onqKey = (keyId: string) =>
  key('o1', keyId, {
    provider: 'onqlave',
    name: 'billing · sandbox-arx',
    extra: {
      applicationName: 'billing',
      clusterName: 'sandbox-arx',
      arxUrl: 'https://dp0.onqlave.io/cluster--abc',
      createdBy: 'Ada Sandbox',
      accessKey: 'onq.access.1',
    },
  })

function show(): void {
  h.stores.app.setState({ accounts: [onq] })
  h.stores.keys.setState({
    byAccount: {
      o1: {
        keys: [onqKey('apikey--one'), onqKey('apikey--two')],
        loading: false,
        fetchedAt: 1,
        error: null,
        again: false,
      },
    },
  })
  h.view(
    <SlotsContext.Provider value={SLOTS}>
      <KeyDetail uid="o1/apikey--one" />
    </SlotsContext.Provider>,
  )
}

describe('the key detail panel of an Onqlave key', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    api.keys.kept.mockResolvedValue([])
  })
  afterEach(cleanup)

  it("puts the key's own id first when its name is shared, with the name under it", () => {
    show()
    const title = screen.getByRole('heading', { level: 2 })
    expect(title.textContent).toBe('apikey--one billing · sandbox-arx')
    expect(screen.getByRole('complementary', { name: /^apikey--one/ })).toBeTruthy()
  })

  it('labels every field in words, in a fixed-width font only for machine values, and the access key on request', () => {
    show()
    const panel = screen.getByRole('complementary')
    const terms = within(panel)
      .getAllByRole('term')
      .map((t) => t.textContent)
    expect(terms).toEqual(expect.arrayContaining(['Application', 'Arx', 'Arx URL', 'Created by', 'Access key']))
    for (const raw of ['applicationName', 'arxUrl', 'clusterName', 'createdBy', 'accessKey'])
      expect(terms).not.toContain(raw)
    expect(within(panel).getByText('Ada Sandbox').closest('dd')?.className).not.toContain('mono')
    expect(within(panel).getByText('https://dp0.onqlave.io/cluster--abc').closest('dd')?.className).toContain('mono')
    expect(within(panel).queryByText('onq.access.1')).toBeNull()
    fireEvent.click(within(panel).getByRole('button', { name: 'Show the access key' }))
    expect(within(panel).getByText('onq.access.1')).toBeTruthy()
  })

  it('says "Actions" in words on its menu button', () => {
    show()
    const button = screen.getByRole('button', { name: /^Actions for .*apikey--one/ })
    expect(button.textContent?.trim()).toBe('Actions')
  })
})

describe('the key detail panel of a Cloudforet app', () => {
  beforeEach(() => {
    h = harness(api)
  })
  afterEach(cleanup)

  it("shows its expiry in the user's words, not the wire's timestamp", () => {
    const cf = account('a1', 'spaceone-apps', 'Demo Cloudforet')
    const at = new Date(Date.now() + 6 * 86_400_000).toISOString()
    const app = key('a1', 'app-1', { provider: 'spaceone-apps', expiresAt: at, extra: { expiresAt: at } })
    h.stores.app.setState({ accounts: [cf] })
    h.stores.keys.setState({
      byAccount: { a1: { keys: [app], loading: false, fetchedAt: 1, error: null, again: false } },
    })
    h.view(
      <SlotsContext.Provider value={SLOTS}>
        <KeyDetail uid="a1/app-1" />
      </SlotsContext.Provider>,
    )
    const expires = screen.getByText('Expires').nextElementSibling
    expect(expires?.textContent).not.toContain(at)
    expect(expires?.textContent).toMatch(/\(in 6 days\)$/)
    expect(expires?.querySelector('time')?.getAttribute('datetime')).toBe(at)
  })
})

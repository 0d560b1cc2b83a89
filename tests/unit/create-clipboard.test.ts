import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ClipboardGuard, MemoryClipboard } from '../../src/main/core/clipboard'

const fakeTimers = {
  setTimeout: (fn: () => void, ms: number): unknown => setTimeout(fn, ms),
  clearTimeout: (h: unknown): void => clearTimeout(h as ReturnType<typeof setTimeout>),
}

describe('copying a secret to the clipboard', () => {
  let board: MemoryClipboard
  let guard: ClipboardGuard
  beforeEach(() => {
    vi.useFakeTimers()
    board = new MemoryClipboard()
    guard = new ClipboardGuard(board, () => 30, fakeTimers)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('marks it as a secret and clears it after 30 s when the clipboard still holds it', async () => {
    expect(await guard.copySecret('s3cret')).toBe(30)
    expect(board).toMatchObject({ text: 's3cret', secretHint: true })
    await vi.advanceTimersByTimeAsync(29_000)
    expect(board.text).toBe('s3cret')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(board.text).toBe('')
  })

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    await guard.copySecret('s3cret')
    board.text = 'my own text'
    await vi.advanceTimersByTimeAsync(30_000)
    expect(board.text).toBe('my own text')
  })

  it('restarts the 30 s for the latest secret, and clears only that one', async () => {
    await guard.copySecret('first')
    await vi.advanceTimersByTimeAsync(20_000)
    await guard.copySecret('second')
    await vi.advanceTimersByTimeAsync(20_000)
    expect(board.text).toBe('second')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(board.text).toBe('')
  })

  it('clears on quit when unchanged, and not when the user replaced it', async () => {
    await guard.copySecret('s3cret')
    await guard.clearNow()
    expect(board.text).toBe('')
    await guard.copySecret('again')
    board.text = 'mine'
    await guard.clearNow()
    expect(board.text).toBe('mine')
  })
})

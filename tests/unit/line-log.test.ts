import { describe, expect, it } from 'vitest'
import { lineLog } from '../../src/host/line-log'

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

describe("the browser host's log", () => {
  it('writes the lines of one turn of the event loop at once, in order, and later lines in a write of their own', async () => {
    const writes: string[] = []
    const log = lineLog({ write: (text: string) => writes.push(text) > 0 })
    for (let i = 0; i < 30; i += 1) log(`GET /api_keys 200 ${i}ms`)
    expect(writes).toEqual([])
    await nextTurn()
    expect(writes).toHaveLength(1)
    expect(writes[0]?.split('\n')).toEqual([...Array.from({ length: 30 }, (_, i) => `GET /api_keys 200 ${i}ms`), ''])
    log('POST /identity/api-key/list 200 3ms')
    await nextTurn()
    expect(writes).toEqual([writes[0], 'POST /identity/api-key/list 200 3ms\n'])
  })
})

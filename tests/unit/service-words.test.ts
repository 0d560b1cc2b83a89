// A service's own error text reaches the user inside KeyDesk's words: each adapter passes it on as one printable,
// bounded line, whatever the server sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import type { ProviderId } from '../../src/shared/model'
import { providers } from '../../src/main/providers/index'
import { caught, contextOf, scriptedHttp, seeds, startTestSandbox, type Sandbox } from './providers-support'

const HOSTILE = `\u001b]0;owned\u0007\u001b[2J\u009b8m\u202Eexe.txt\r\nline two ${'y'.repeat(50_000)}`
const CONTROL = /[\p{Cc}\u202a-\u202e]/u

/** Each service's error envelope around `message`. */
const envelopes: Record<ProviderId, (message: string) => unknown> = {
  cloudmc: (message) => ({ errors: [{ code: 'X', message }] }),
  spaceone: (message) => ({ detail: { code: 'ERROR_X', message } }),
  'spaceone-apps': (message) => ({ detail: { code: 'ERROR_X', message } }),
  onqlave: (message) => ({ error: { message, error_message: message } }),
}

let sb: Sandbox
beforeAll(async () => {
  sb = await startTestSandbox()
})
afterAll(async () => {
  await sb.close()
})

describe.each(Object.keys(envelopes) as ProviderId[])('%s error text from the service', (provider) => {
  it.each([400, 500])('is one printable line of bounded length on HTTP %i', async (status) => {
    const seed = seeds(sb, provider)[0]
    if (!seed) throw new Error(`no ${provider} seed`)
    const { http } = scriptedHttp(status, envelopes[provider](HOSTILE))
    const err = await caught(providers[provider].list(contextOf(seed, http)))
    expect(err).toBeInstanceOf(AppError)
    const { message } = err as AppError
    expect(message).toContain('\\u001b]0;owned\\u0007\\u001b[2J\\u009b8m\\u202eexe.txt line two')
    expect(message).not.toMatch(CONTROL)
    expect(message.length).toBeLessThan(500)
  })
})

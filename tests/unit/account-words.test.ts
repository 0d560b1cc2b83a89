// The words for a refused credential name what the user filled in, as the form labels it.
import { describe, expect, it } from 'vitest'
import { notAccepted } from '../../src/main/core/account-words'
import { onqlaveDescriptor } from '../../src/main/providers/onqlave-descriptor'
import { spaceoneDescriptor } from '../../src/main/providers/spaceone-descriptor'
import type { ProviderDescriptor } from '../../src/shared/descriptor'
import { AppError } from '../../src/shared/errors'
import type { Credential } from '../../src/shared/model'

const refused = new AppError('AUTH_FAILED', 'The credential for this account was rejected.')
const wordsFor = (d: ProviderDescriptor, endpoint: string, entered: Credential): string =>
  (notAccepted(refused, d, endpoint, entered) as AppError).message

describe('a refused credential, in words', () => {
  it('an access token with its refresh token names both, with JWT in capitals and no password', () => {
    const words = wordsFor(spaceoneDescriptor, 'https://console-api.acme.test', {
      provider: 'spaceone',
      token: 'eyJ.a.b',
      refreshToken: 'eyJ.r.t',
    })
    expect(words).toBe(
      'SpaceONE at console-api.acme.test did not accept the API key, client secret or access token (JWT) and ' +
        'refresh token you entered. Check that you copied all of it, and that it belongs to this endpoint.',
    )
  })

  it('a sign-in names the password, not the token fields left empty', () => {
    const words = wordsFor(spaceoneDescriptor, 'https://console-api.acme.test', {
      provider: 'spaceone',
      domainName: 'acme',
      userId: 'alice',
      password: 'not her password',
    })
    expect(words).toContain('did not accept the password you entered.')
    expect(words).not.toMatch(/token|API key/)
  })

  it('an Onqlave auth token is named alone: the tenant id is not a secret', () => {
    const words = wordsFor(onqlaveDescriptor, 'https://api.onqlave.com', {
      provider: 'onqlave',
      tenantId: 'tenant--1',
      token: 'auth-token',
    })
    expect(words).toContain('Onqlave at api.onqlave.com did not accept the auth token you entered.')
  })
})

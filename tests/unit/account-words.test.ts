// The words for a refused credential name what the user filled in, as the form labels it.
import { describe, expect, it } from 'vitest'
import { notAccepted } from '../../src/main/core/account-words'
import { onqlaveDescriptor } from '../../src/main/providers/onqlave-descriptor'
import { spaceoneDescriptor } from '../../src/main/providers/spaceone-descriptor'
import type { ProviderDescriptor } from '../../src/shared/descriptor'
import { AppError } from '../../src/shared/errors'
import type { Credential } from '../../src/shared/model'

const refused = new AppError('AUTH_FAILED', 'The credential for this account was rejected.')
/** Words for a credential sent as it was typed, unless `sent` says what it became. */
const wordsFor = (d: ProviderDescriptor, endpoint: string, entered: Credential | undefined, sent = entered): string =>
  (notAccepted(refused, d, endpoint, sent ?? { provider: d.id, token: 'kept' }, entered) as AppError).message

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

  it('a pasted token with spaces around it is still named: the service was sent it, trimmed', () => {
    const words = wordsFor(
      spaceoneDescriptor,
      'https://console-api.acme.test',
      { provider: 'spaceone', token: '  eyJ.a.b\n' },
      { provider: 'spaceone-apps', token: 'eyJ.a.b' },
    )
    expect(words).toContain('did not accept the API key, client secret or access token (JWT) you entered.')
  })

  it('a sign-in the service accepted does not blame the password when the session is then refused', () => {
    const words = wordsFor(
      spaceoneDescriptor,
      'https://console-api.acme.test',
      { provider: 'spaceone', domainName: 'acme', userId: 'alice', password: 'her password' },
      { provider: 'spaceone-apps', token: 'eyJ.session.sig', refreshToken: 'eyJ.r.t' },
    )
    expect(words).toBe(
      'SpaceONE at console-api.acme.test signed KeyDesk in, then did not accept the session it gave. ' +
        'Try again in a moment.',
    )
    expect(words).not.toMatch(/password|you entered/)
  })

  it('nothing typed (an endpoint edit re-checks the kept credential): no "you entered"', () => {
    const words = wordsFor(spaceoneDescriptor, 'https://console-api.acme.test', undefined)
    expect(words).toBe(
      'SpaceONE at console-api.acme.test did not accept the credential KeyDesk holds for this account. ' +
        'Check the endpoint, or enter the credential again.',
    )
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

// The seeded state: M accounts per provider, each with its own domain, user or tenant and K keys.
import type { KeyObject } from 'node:crypto'
import { hashSecret } from './cloudmc'
import { newSecrets } from './onqlave'
import { NANOID_ALPHABET, seededRandom, type Random } from './random'
import { apiKeyJwt } from './spaceone'
import { SPACEONE2_PREFIX } from './spaceone2'
import { CF2_LABEL, seedSpaceone2, type Spaceone2Seeded } from './spaceone2-seed'
import { addCloudmcKey, addOnqlaveKey, addOnqlaveTenant, emptyWorld, userKey, type World } from './state'
import type { SandboxAccount, SandboxSpaceoneUser } from './types'

export interface SeedParams {
  readonly seed: string
  readonly accountsPerProvider: number
  /** null: the defaults (1 for SpaceONE, 2 elsewhere). */
  readonly keysPerAccount: number | null
}

export interface Seeded {
  readonly world: World
  readonly accounts: SandboxAccount[]
  readonly spaceoneUsers: SandboxSpaceoneUser[]
  readonly spaceone2: Omit<Spaceone2Seeded, 'world'>
}

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
const NAME_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

export function labelOf(provider: string, n: number): string {
  return n === 1 ? `Demo ${provider}` : `Demo ${provider} ${n}`
}

export function seedWorld(
  params: SeedParams,
  url: string,
  now: number,
  domainKeys: readonly KeyObject[],
  spaceone2Key: KeyObject,
): Seeded {
  const { world: spaceone2World, ...spaceone2 } = seedSpaceone2(
    seededRandom(params.seed, 'spaceone2'),
    now,
    spaceone2Key,
  )
  const world: World = { ...emptyWorld(), spaceone2: spaceone2World }
  const spaceone: SandboxAccount[] = []
  const cloudmc: SandboxAccount[] = []
  const onqlave: SandboxAccount[] = []
  const spaceoneUsers: SandboxSpaceoneUser[] = []
  for (let n = 1; n <= params.accountsPerProvider; n += 1) {
    const suffix = n === 1 ? '' : String(n)
    const s = seedSpaceone(world, seededRandom(params.seed, `spaceone/${n}`), n, suffix, params, now, domainKeys)
    spaceone.push({
      provider: 'spaceone',
      label: labelOf('SpaceONE', n),
      endpoint: url,
      credentials: { token: s.token },
    })
    spaceoneUsers.push(...s.users)
    const apiKey = seedCloudmc(world, seededRandom(params.seed, `cloudmc/${n}`), n, suffix, params, now)
    cloudmc.push({
      provider: 'cloudmc',
      label: labelOf('CloudMC', n),
      endpoint: `${url}/api/v2`,
      credentials: { apiKey },
    })
    const tenant = seedOnqlave(world, seededRandom(params.seed, `onqlave/${n}`), n, suffix, params, now)
    onqlave.push({ provider: 'onqlave', label: labelOf('Onqlave', n), endpoint: url, credentials: tenant })
  }
  // Cloudforet 2.x: one domain; its credential is the seeded DOMAIN app's client secret.
  const cloudforet: SandboxAccount = {
    provider: 'spaceone-apps',
    label: CF2_LABEL,
    endpoint: `${url}${SPACEONE2_PREFIX}`,
    credentials: { token: spaceone2.secrets.credential },
  }
  return { world, accounts: [...spaceone, ...cloudmc, ...onqlave, cloudforet], spaceoneUsers, spaceone2 }
}

function keyCount(params: SeedParams, fallback: number, minimum: number): number {
  return Math.max(minimum, params.keysPerAccount ?? fallback)
}

function seedSpaceone(
  world: World,
  r: Random,
  n: number,
  suffix: string,
  params: SeedParams,
  now: number,
  domainKeys: readonly KeyObject[],
): { token: string; users: SandboxSpaceoneUser[] } {
  const label = labelOf('SpaceONE', n)
  const domainId = `domain-${r.hex(12)}`
  world.spaceone.domains.set(domainId, {
    domainId,
    name: `sandbox${suffix}`,
    label,
    keyIndex: (n - 1) % domainKeys.length,
  })
  const roles = [
    ['DOMAIN_ADMIN', `admin${suffix}@sandbox.test`],
    ['USER', `developer${suffix}@sandbox.test`],
    ['NO_PERMISSION', `viewer${suffix}@sandbox.test`],
  ] as const
  const users = roles.map(([role, userId]) => ({ domainId, userId, password: r.base64url(12), role }))
  for (const user of users) world.spaceone.users.set(userKey(domainId, user.userId), user)
  // The account acts as the normal user; its credential is that user's oldest key (K ≥ 1 for that reason).
  const owner = roles[1][1]
  const count = keyCount(params, 1, 1)
  let first: string | undefined
  for (let i = 0; i < count; i += 1) {
    const apiKeyId = `api-key-${r.hex(12)}`
    world.spaceone.keys.set(apiKeyId, {
      apiKeyId,
      domainId,
      userId: owner,
      state: 'ENABLED',
      createdAt: now - (count - i) * MINUTE,
    })
    first ??= apiKeyId
  }
  const credentialKey = world.spaceone.keys.get(first ?? '')
  if (!credentialKey) throw new Error('seeding made no SpaceONE key')
  return { token: apiKeyJwt({ world, domainKeys }, credentialKey), users: users.map((user) => ({ label, ...user })) }
}

function seedCloudmc(world: World, r: Random, n: number, suffix: string, params: SeedParams, now: number): string {
  const userId = r.uuid()
  world.cloudmc.users.set(userId, {
    id: userId,
    label: labelOf('CloudMC', n),
    userName: `sandbox.user${suffix}`,
    firstName: 'Sandbox',
    lastName: `User ${n}`,
    email: `user${suffix}@cloudmc.sandbox.test`,
    creationDate: now - 90 * DAY,
    lastLogin: now - DAY,
    organization: { id: r.uuid(), name: `Sandbox Org ${n}` },
  })
  const secret = r.base64url(32)
  const count = keyCount(params, 2, 1)
  for (let i = 0; i < count; i += 1) {
    addCloudmcKey(world, {
      id: r.uuid(),
      userId,
      name: `api_key_${r.chars(NAME_ALPHABET, 8)}`,
      // Only the account's own key has a known secret; the others' secrets were "shown once" before the sandbox began.
      secretHash: i === 0 ? hashSecret(secret) : r.hex(64),
      lastIp: null,
      lastActivity: null,
      creationDate: now - (count - i) * MINUTE,
    })
  }
  return secret
}

function seedOnqlave(
  world: World,
  r: Random,
  n: number,
  suffix: string,
  params: SeedParams,
  now: number,
): { tenantId: string; token: string } {
  const nanoid = (): string => r.chars(NANOID_ALPHABET, 21)
  const tenantId = `tenant--${nanoid()}`
  const token = r.base64url(32)
  const user = {
    id: `user--${nanoid()}`,
    full_name: `Ada Sandbox${suffix ? ` ${suffix}` : ''}`,
    name: `ada${suffix}`,
    email_address: `ada${suffix}@onqlave.sandbox.test`,
    avatar: '',
  }
  addOnqlaveTenant(world, { id: tenantId, label: labelOf('Onqlave', n), name: `sandbox${suffix}`, token, user })
  const app = { id: `app--${nanoid()}`, tenantId, name: 'billing', label: 'Billing service', technology: 'server' }
  world.onqlave.applications.set(app.id, app)
  const cluster = (name: string, failing: boolean): string => {
    const id = `cluster--${nanoid()}`
    const masterKey = r.bytes(32).toString('base64')
    world.onqlave.clusters.set(id, { id, tenantId, name, label: name, encryption: 'aes-gcm-256', failing, masterKey })
    return id
  }
  const clusterId = cluster('sandbox-arx', false)
  cluster('failing-arx', true)
  const count = keyCount(params, 2, 0)
  for (let i = 0; i < count; i += 1) {
    const createdAt = now - (count - i) * MINUTE
    addOnqlaveKey(world, {
      id: `apikey--${nanoid()}`,
      tenantId,
      clusterId,
      applicationId: app.id,
      ...newSecrets({ random: r }),
      createdAt,
      readyAt: createdAt,
      fails: false,
      deleteRequestedAt: null,
      deletedAt: null,
      providedAt: null,
    })
  }
  return { tenantId, token }
}

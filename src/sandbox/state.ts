// The sandbox's data: plain records in maps. The zod schemas describe the state file and give the record types.
import { z } from 'zod'
import {
  emptySpaceone2,
  Spaceone2Json,
  spaceone2FromJson,
  spaceone2ToJson,
  type Spaceone2World,
} from './spaceone2-state'

const SpaceoneDomain = z.object({
  domainId: z.string(),
  name: z.string(),
  /** The account label, for per-account tuning. */
  label: z.string(),
  /** Index into the domain signing keys. */
  keyIndex: z.number().int().nonnegative(),
})
const SpaceoneUser = z.object({
  domainId: z.string(),
  userId: z.string(),
  password: z.string(),
  role: z.enum(['DOMAIN_ADMIN', 'USER', 'NO_PERMISSION']),
})
const SpaceoneKey = z.object({
  apiKeyId: z.string(),
  domainId: z.string(),
  userId: z.string(),
  state: z.enum(['ENABLED', 'DISABLED']),
  createdAt: z.number(),
})
const SpaceoneRefresh = z.object({ key: z.string(), domainId: z.string(), userId: z.string() })

const CloudmcUser = z.object({
  id: z.string(),
  label: z.string(),
  userName: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  creationDate: z.number(),
  lastLogin: z.number(),
  organization: z.object({ id: z.string(), name: z.string() }),
})
const CloudmcKey = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  /** SHA-256 of the secret, hex: the secret itself is never kept. */
  secretHash: z.string(),
  lastIp: z.string().nullable(),
  lastActivity: z.number().nullable(),
  creationDate: z.number(),
})

const OnqlaveUser = z.object({
  id: z.string(),
  full_name: z.string(),
  name: z.string(),
  email_address: z.string(),
  avatar: z.string(),
})
const OnqlaveTenant = z.object({
  id: z.string(),
  label: z.string(),
  name: z.string(),
  token: z.string(),
  user: OnqlaveUser,
})
const OnqlaveApplication = z.object({
  id: z.string(),
  tenantId: z.string(),
  name: z.string(),
  label: z.string(),
  technology: z.string(),
})
const OnqlaveCluster = z.object({
  id: z.string(),
  tenantId: z.string(),
  name: z.string(),
  label: z.string(),
  encryption: z.enum(['aes-gcm-128', 'aes-gcm-256', 'xcha-cha-20-poly-1305']),
  /** Keys created on it end `failed`. */
  failing: z.boolean(),
  /** base64 AES-256 key that seals this cluster's EDKs. */
  masterKey: z.string(),
})
const OnqlaveKey = z.object({
  id: z.string(),
  tenantId: z.string(),
  clusterId: z.string(),
  applicationId: z.string().nullable(),
  accessKey: z.string(),
  signingKey: z.string(),
  cryptoAccessKey: z.string(),
  clientKey: z.string(),
  createdAt: z.number(),
  /** When `pending` ends; the outcome is `failed` on a failing cluster, else `active`. */
  readyAt: z.number(),
  fails: z.boolean(),
  deleteRequestedAt: z.number().nullable(),
  deletedAt: z.number().nullable(),
  providedAt: z.number().nullable(),
})

export type SpaceoneDomain = Readonly<z.infer<typeof SpaceoneDomain>>
export type SpaceoneUser = Readonly<z.infer<typeof SpaceoneUser>>
export type SpaceoneKey = Readonly<z.infer<typeof SpaceoneKey>>
export type SpaceoneRefresh = Readonly<z.infer<typeof SpaceoneRefresh>>
export type CloudmcUser = Readonly<z.infer<typeof CloudmcUser>>
export type CloudmcKey = Readonly<z.infer<typeof CloudmcKey>>
export type OnqlaveTenant = Readonly<z.infer<typeof OnqlaveTenant>>
export type OnqlaveApplication = Readonly<z.infer<typeof OnqlaveApplication>>
export type OnqlaveCluster = Readonly<z.infer<typeof OnqlaveCluster>>
export type OnqlaveKey = Readonly<z.infer<typeof OnqlaveKey>>

export interface World {
  /** Cloudforet 2.x under /spaceone2. */
  readonly spaceone2: Spaceone2World
  readonly spaceone: {
    readonly domains: Map<string, SpaceoneDomain>
    /** by `userKey(domainId, userId)` */
    readonly users: Map<string, SpaceoneUser>
    readonly keys: Map<string, SpaceoneKey>
    readonly refreshKeys: Map<string, SpaceoneRefresh>
    /** `api-key:{domain_id}:{api_key_id}` → when the check succeeded. Memory only, like the real cache. */
    readonly authCache: Map<string, number>
  }
  readonly cloudmc: {
    readonly users: Map<string, CloudmcUser>
    /** Insertion order is creation order, which the list keeps. */
    readonly keys: Map<string, CloudmcKey>
    readonly keyIdByHash: Map<string, string>
  }
  readonly onqlave: {
    readonly tenants: Map<string, OnqlaveTenant>
    readonly tenantIdByToken: Map<string, string>
    readonly applications: Map<string, OnqlaveApplication>
    readonly clusters: Map<string, OnqlaveCluster>
    readonly keys: Map<string, OnqlaveKey>
    readonly keyIdByAccessKey: Map<string, string>
    /** login request id → tenant id. Memory only. */
    readonly logins: Map<string, string>
  }
}

export function userKey(domainId: string, userId: string): string {
  return `${domainId}\n${userId}`
}

export function emptyWorld(): World {
  return {
    spaceone2: emptySpaceone2(),
    spaceone: { domains: new Map(), users: new Map(), keys: new Map(), refreshKeys: new Map(), authCache: new Map() },
    cloudmc: { users: new Map(), keys: new Map(), keyIdByHash: new Map() },
    onqlave: {
      tenants: new Map(),
      tenantIdByToken: new Map(),
      applications: new Map(),
      clusters: new Map(),
      keys: new Map(),
      keyIdByAccessKey: new Map(),
      logins: new Map(),
    },
  }
}

export function addCloudmcKey(world: World, key: CloudmcKey): void {
  world.cloudmc.keys.set(key.id, key)
  world.cloudmc.keyIdByHash.set(key.secretHash, key.id)
}

export function addOnqlaveTenant(world: World, tenant: OnqlaveTenant): void {
  world.onqlave.tenants.set(tenant.id, tenant)
  world.onqlave.tenantIdByToken.set(tenant.token, tenant.id)
}

export function addOnqlaveKey(world: World, key: OnqlaveKey): void {
  world.onqlave.keys.set(key.id, key)
  world.onqlave.keyIdByAccessKey.set(key.accessKey, key.id)
}

export const StateFile = z.object({
  version: z.literal(1),
  seed: z.string(),
  accountsPerProvider: z.number().int().positive(),
  keysPerAccount: z.number().int().nonnegative().nullable(),
  /** PKCS#8 PEM of the SpaceONE domain signing keys: tokens already handed out must keep verifying. */
  domainKeys: z.array(z.string()),
  /** PKCS#8 PEM of the Cloudforet 2.x domain key; absent in files written before 2.x was served. */
  spaceone2Key: z.string().optional(),
  /** Epoch ms the world was seeded at: a restart re-mints the seeded credentials identically. */
  seededAt: z.number().optional(),
  world: z.object({
    spaceone2: Spaceone2Json.optional(),
    spaceone: z.object({
      domains: z.array(SpaceoneDomain),
      users: z.array(SpaceoneUser),
      keys: z.array(SpaceoneKey),
      refreshKeys: z.array(SpaceoneRefresh),
    }),
    cloudmc: z.object({ users: z.array(CloudmcUser), keys: z.array(CloudmcKey) }),
    onqlave: z.object({
      tenants: z.array(OnqlaveTenant),
      applications: z.array(OnqlaveApplication),
      clusters: z.array(OnqlaveCluster),
      keys: z.array(OnqlaveKey),
    }),
  }),
})
export type StateFile = z.infer<typeof StateFile>

export function worldToJson(world: World): StateFile['world'] {
  const s = world.spaceone
  const o = world.onqlave
  return {
    spaceone2: spaceone2ToJson(world.spaceone2),
    spaceone: {
      domains: [...s.domains.values()],
      users: [...s.users.values()],
      keys: [...s.keys.values()],
      refreshKeys: [...s.refreshKeys.values()],
    },
    cloudmc: { users: [...world.cloudmc.users.values()], keys: [...world.cloudmc.keys.values()] },
    onqlave: {
      tenants: [...o.tenants.values()],
      applications: [...o.applications.values()],
      clusters: [...o.clusters.values()],
      keys: [...o.keys.values()],
    },
  }
}

export function worldFromJson(json: StateFile['world']): World {
  const world = { ...emptyWorld(), ...(json.spaceone2 ? { spaceone2: spaceone2FromJson(json.spaceone2) } : {}) }
  for (const d of json.spaceone.domains) world.spaceone.domains.set(d.domainId, d)
  for (const u of json.spaceone.users) world.spaceone.users.set(userKey(u.domainId, u.userId), u)
  for (const k of json.spaceone.keys) world.spaceone.keys.set(k.apiKeyId, k)
  for (const r of json.spaceone.refreshKeys) world.spaceone.refreshKeys.set(r.key, r)
  for (const u of json.cloudmc.users) world.cloudmc.users.set(u.id, u)
  for (const k of json.cloudmc.keys) addCloudmcKey(world, k)
  for (const t of json.onqlave.tenants) addOnqlaveTenant(world, t)
  for (const a of json.onqlave.applications) world.onqlave.applications.set(a.id, a)
  for (const c of json.onqlave.clusters) world.onqlave.clusters.set(c.id, c)
  for (const k of json.onqlave.keys) addOnqlaveKey(world, k)
  return world
}

// The Cloudforet 2.x world (spaceone-apps.md §9): one domain, its workspaces, roles, users and apps.
import { z } from 'zod'

const State = z.enum(['ENABLED', 'DISABLED'])
export const ROLE_TYPES = ['DOMAIN_ADMIN', 'WORKSPACE_OWNER', 'WORKSPACE_MEMBER'] as const
export const RESOURCE_GROUPS = ['DOMAIN', 'WORKSPACE', 'PROJECT'] as const
const RoleType = z.enum(ROLE_TYPES)

const Domain = z.object({
  domainId: z.string(),
  name: z.string(),
  label: z.string(),
  state: State,
  /** Managed roles appear only after the domain's first role/list (§3). */
  managedRolesReady: z.boolean(),
})
const Workspace = z.object({ workspaceId: z.string(), domainId: z.string(), name: z.string(), state: State })
const Project = z.object({ id: z.string(), kind: z.enum(['project', 'project_group']), workspaceId: z.string() })
const Role = z.object({
  roleId: z.string(),
  domainId: z.string(),
  name: z.string(),
  roleType: RoleType,
  /** Empty allows everything; otherwise matched by prefix against e.g. `identity:App.write`. */
  permissions: z.array(z.string()),
  isManaged: z.boolean(),
  createdAt: z.number(),
})
const User = z.object({
  domainId: z.string(),
  userId: z.string(),
  password: z.string(),
  /** The role binding: a domain role, or a workspace role in `workspaceId`. */
  roleId: z.string(),
  workspaceId: z.string().nullable(),
  mfa: z.boolean(),
})
const App = z.object({
  appId: z.string(),
  name: z.string(),
  /** EXPIRED is accepted as seed; the server never sets it (§7). */
  state: z.enum(['ENABLED', 'DISABLED', 'EXPIRED']),
  isManaged: z.boolean(),
  tags: z.record(z.string(), z.unknown()),
  roleType: RoleType,
  roleId: z.string(),
  resourceGroup: z.enum(RESOURCE_GROUPS),
  domainId: z.string(),
  /** `*` for DOMAIN apps. */
  workspaceId: z.string(),
  projectId: z.string().nullable(),
  projectGroupId: z.string().nullable(),
  clientId: z.string(),
  createdAt: z.number(),
  lastAccessedAt: z.number().nullable(),
  /** As rendered: `YYYY-MM-DDTHH:MM:SS.mmmZ`, the stored naive value read as UTC. */
  expiredAt: z.string(),
  /** The secret's `exp` (epoch seconds), which can differ from expiredAt by the server's time zone. */
  exp: z.number(),
  /** The secret's `iat` (epoch seconds), so the seed secrets can be re-minted identically. */
  iat: z.number(),
})

export const Spaceone2Json = z.object({
  domains: z.array(Domain),
  workspaces: z.array(Workspace),
  projects: z.array(Project),
  roles: z.array(Role),
  users: z.array(User),
  apps: z.array(App),
})

export type Cf2Domain = Readonly<z.infer<typeof Domain>>
export type Cf2Workspace = Readonly<z.infer<typeof Workspace>>
export type Cf2Project = Readonly<z.infer<typeof Project>>
export type Cf2Role = Readonly<z.infer<typeof Role>>
export type Cf2User = Readonly<z.infer<typeof User>>
export type Cf2App = Readonly<z.infer<typeof App>>
export type Cf2RoleType = (typeof ROLE_TYPES)[number]
export type Cf2ResourceGroup = (typeof RESOURCE_GROUPS)[number]

export interface Spaceone2World {
  readonly domains: Map<string, Cf2Domain>
  readonly workspaces: Map<string, Cf2Workspace>
  readonly projects: Map<string, Cf2Project>
  /** by `roleKey(domainId, roleId)`: managed role ids repeat in every domain. */
  readonly roles: Map<string, Cf2Role>
  /** by `${domainId}\n${userId}` */
  readonly users: Map<string, Cf2User>
  /** Insertion order is creation order. */
  readonly apps: Map<string, Cf2App>
  /** `{did}:{jti}` → when App.check succeeded, and the app role's permissions. Memory only, like the real cache. */
  readonly checkCache: Map<string, { readonly at: number; readonly permissions: readonly string[] }>
}

export function emptySpaceone2(): Spaceone2World {
  return {
    domains: new Map(),
    workspaces: new Map(),
    projects: new Map(),
    roles: new Map(),
    users: new Map(),
    apps: new Map(),
    checkCache: new Map(),
  }
}

export function roleKey(domainId: string, roleId: string): string {
  return `${domainId}/${roleId}`
}

export function cf2UserKey(domainId: string, userId: string): string {
  return `${domainId}\n${userId}`
}

export function spaceone2ToJson(w: Spaceone2World): z.infer<typeof Spaceone2Json> {
  return {
    domains: [...w.domains.values()],
    workspaces: [...w.workspaces.values()],
    projects: [...w.projects.values()],
    roles: [...w.roles.values()],
    users: [...w.users.values()],
    apps: [...w.apps.values()],
  }
}

export function spaceone2FromJson(json: z.infer<typeof Spaceone2Json>): Spaceone2World {
  const w = emptySpaceone2()
  for (const d of json.domains) w.domains.set(d.domainId, d)
  for (const x of json.workspaces) w.workspaces.set(x.workspaceId, x)
  for (const p of json.projects) w.projects.set(p.id, p)
  for (const r of json.roles) w.roles.set(roleKey(r.domainId, r.roleId), r)
  for (const u of json.users) w.users.set(cf2UserKey(u.domainId, u.userId), u)
  for (const a of json.apps) w.apps.set(a.appId, a)
  return w
}

export const MANAGED_ROLES: readonly { roleId: string; name: string; roleType: Cf2RoleType }[] = [
  { roleId: 'managed-domain-admin', name: 'Domain Admin', roleType: 'DOMAIN_ADMIN' },
  { roleId: 'managed-workspace-owner', name: 'Workspace Owner', roleType: 'WORKSPACE_OWNER' },
  { roleId: 'managed-workspace-member', name: 'Workspace Member', roleType: 'WORKSPACE_MEMBER' },
]

/** A role as the domain sees it: managed roles exist only once the domain has listed roles. */
export function roleOf(w: Spaceone2World, domainId: string, roleId: string): Cf2Role | undefined {
  const role = w.roles.get(roleKey(domainId, roleId))
  if (!role) return undefined
  if (role.isManaged && !w.domains.get(domainId)?.managedRolesReady) return undefined
  return role
}

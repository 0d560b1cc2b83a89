// The Cloudforet 2.x seed (spaceone-apps.md §9): one domain, an ENABLED and a DISABLED workspace, a project and a
// project group, the managed roles and a custom one, four users, and apps in every state KeyDesk must show.
import type { KeyObject } from 'node:crypto'
import type { Random } from './random'
import { emptySpaceone2, cf2UserKey, MANAGED_ROLES, roleKey, type Cf2App, type Spaceone2World } from './spaceone2-state'
import { clientSecret } from './spaceone2-tokens'

export const CF2_LABEL = 'Demo Cloudforet'

/** A seeded 2.x user who can sign in with domain name, user id and password. */
export interface Spaceone2User {
  readonly domainName: string
  readonly domainId: string
  readonly userId: string
  readonly password: string
  readonly role: 'DOMAIN_ADMIN' | 'WORKSPACE_OWNER' | 'WORKSPACE_MEMBER' | 'MFA'
  readonly workspaceId?: string
}

export interface Spaceone2Seeded {
  readonly world: Spaceone2World
  readonly users: Spaceone2User[]
  /** The credential app's (DOMAIN) and the workspace app's client secrets. */
  readonly secrets: { readonly credential: string; readonly workspace: string }
  readonly ids: {
    readonly domainId: string
    readonly workspaceId: string
    readonly disabledWorkspaceId: string
    readonly projectId: string
    readonly projectGroupId: string
    readonly customRoleId: string
    readonly credentialAppId: string
    readonly workspaceAppId: string
    readonly disabledAppId: string
    readonly expiredAppId: string
    readonly managedAppId: string
    readonly expiringAppId: string
  }
}

const DAY = 86_400_000

export function seedSpaceone2(r: Random, now: number, key: KeyObject): Spaceone2Seeded {
  const w = emptySpaceone2()
  const domainId = `domain-${r.hex(12)}`
  w.domains.set(domainId, {
    domainId,
    name: 'cloudforet',
    label: CF2_LABEL,
    state: 'ENABLED',
    managedRolesReady: false,
  })
  const workspaceId = `workspace-${r.hex(12)}`
  const disabledWorkspaceId = `workspace-${r.hex(12)}`
  w.workspaces.set(workspaceId, { workspaceId, domainId, name: 'Platform', state: 'ENABLED' })
  w.workspaces.set(disabledWorkspaceId, {
    workspaceId: disabledWorkspaceId,
    domainId,
    name: 'Archive',
    state: 'DISABLED',
  })
  const projectId = `project-${r.hex(12)}`
  const projectGroupId = `pg-${r.hex(12)}`
  w.projects.set(projectId, { id: projectId, kind: 'project', workspaceId })
  w.projects.set(projectGroupId, { id: projectGroupId, kind: 'project_group', workspaceId })
  // Managed roles exist for seeded bindings, but a create sees them only after the first role/list (§3).
  for (const m of MANAGED_ROLES) {
    w.roles.set(roleKey(domainId, m.roleId), {
      ...m,
      domainId,
      permissions: [],
      isManaged: true,
      createdAt: now - 90 * DAY,
    })
  }
  const customRoleId = `role-${r.hex(12)}`
  w.roles.set(roleKey(domainId, customRoleId), {
    roleId: customRoleId,
    domainId,
    name: 'Role auditor',
    roleType: 'DOMAIN_ADMIN',
    permissions: ['identity:Role'],
    isManaged: false,
    createdAt: now - 60 * DAY,
  })

  const users: Spaceone2User[] = [
    {
      domainName: 'cloudforet',
      domainId,
      userId: 'admin@cloudforet.test',
      password: r.base64url(12),
      role: 'DOMAIN_ADMIN',
    },
    {
      domainName: 'cloudforet',
      domainId,
      userId: 'owner@cloudforet.test',
      password: r.base64url(12),
      role: 'WORKSPACE_OWNER',
      workspaceId,
    },
    {
      domainName: 'cloudforet',
      domainId,
      userId: 'member@cloudforet.test',
      password: r.base64url(12),
      role: 'WORKSPACE_MEMBER',
      workspaceId,
    },
    { domainName: 'cloudforet', domainId, userId: 'mfa@cloudforet.test', password: r.base64url(12), role: 'MFA' },
  ]
  const binding = {
    DOMAIN_ADMIN: 'managed-domain-admin',
    WORKSPACE_OWNER: 'managed-workspace-owner',
    WORKSPACE_MEMBER: 'managed-workspace-member',
    MFA: 'managed-domain-admin',
  } as const
  for (const u of users) {
    w.users.set(cf2UserKey(domainId, u.userId), {
      domainId,
      userId: u.userId,
      password: u.password,
      roleId: binding[u.role],
      workspaceId: u.workspaceId ?? null,
      mfa: u.role === 'MFA',
    })
  }

  const app = (o: {
    name: string
    created: number
    expires: number
    group?: 'DOMAIN' | 'WORKSPACE'
    state?: Cf2App['state']
    managed?: boolean
    tags?: Record<string, string>
    used?: number
  }): Cf2App => {
    const group = o.group ?? 'DOMAIN'
    const createdAt = Math.floor((now - o.created * DAY) / 1000) * 1000
    const expiresMs = Math.floor((now + o.expires * DAY) / 1000) * 1000
    const a: Cf2App = {
      appId: `app-${r.hex(12)}`,
      name: o.name,
      state: o.state ?? 'ENABLED',
      isManaged: o.managed ?? false,
      tags: o.tags ?? {},
      roleType: group === 'DOMAIN' ? 'DOMAIN_ADMIN' : 'WORKSPACE_OWNER',
      roleId: group === 'DOMAIN' ? 'managed-domain-admin' : 'managed-workspace-owner',
      resourceGroup: group,
      domainId,
      workspaceId: group === 'DOMAIN' ? '*' : workspaceId,
      projectId: null,
      projectGroupId: null,
      clientId: `client-${r.hex(12)}`,
      createdAt,
      lastAccessedAt: o.used === undefined ? null : now - o.used * DAY,
      expiredAt: new Date(expiresMs).toISOString(),
      exp: expiresMs / 1000,
      iat: createdAt / 1000,
    }
    w.apps.set(a.appId, a)
    return a
  }
  const credential = app({ name: 'keydesk', created: 30, expires: 335, tags: { owner: 'ops' }, used: 1 })
  const workspace = app({ name: 'ci-platform', created: 20, expires: 200, group: 'WORKSPACE' })
  const disabled = app({ name: 'old-ci', created: 200, expires: 100, state: 'DISABLED' })
  const expired = app({ name: 'nightly-export', created: 400, expires: -35 })
  const managed = app({ name: 'agent-aws-prod', created: 50, expires: 300, group: 'WORKSPACE', managed: true })
  const expiring = app({ name: 'report-bot', created: 359, expires: 6, used: 2 })
  return {
    world: w,
    users,
    secrets: { credential: clientSecret(credential, key), workspace: clientSecret(workspace, key) },
    ids: {
      domainId,
      workspaceId,
      disabledWorkspaceId,
      projectId,
      projectGroupId,
      customRoleId,
      credentialAppId: credential.appId,
      workspaceAppId: workspace.appId,
      disabledAppId: disabled.appId,
      expiredAppId: expired.appId,
      managedAppId: managed.appId,
      expiringAppId: expiring.appId,
    },
  }
}

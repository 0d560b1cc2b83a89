// What the sandbox tells its caller about Cloudforet 2.x: the endpoint, users with passwords, ids and two secrets.
import type { Context } from './context'
import type { Spaceone2Seeded, Spaceone2User } from './spaceone2-seed'
import { SPACEONE2_PREFIX } from './spaceone2'
import { clientSecret } from './spaceone2-tokens'

export interface Spaceone2Info {
  /** `http://127.0.0.1:<port>/spaceone2` */
  readonly endpoint: string
  readonly users: readonly Spaceone2User[]
  readonly ids: Spaceone2Seeded['ids']
  /** The credential app's (DOMAIN, managed-domain-admin) and the workspace app's client secrets. */
  readonly secrets: Spaceone2Seeded['secrets']
}

/** After a restart from a state file the secrets are minted from the saved apps, so they match what the world knows. */
export function spaceone2Info(ctx: Context, seeded: Omit<Spaceone2Seeded, 'world'>): Spaceone2Info {
  const saved = (appId: string, fallback: string): string => {
    const app = ctx.world.spaceone2.apps.get(appId)
    return app ? clientSecret(app, ctx.spaceone2Key) : fallback
  }
  return {
    endpoint: `${ctx.url}${SPACEONE2_PREFIX}`,
    users: seeded.users,
    ids: seeded.ids,
    secrets: {
      credential: saved(seeded.ids.credentialAppId, seeded.secrets.credential),
      workspace: saved(seeded.ids.workspaceAppId, seeded.secrets.workspace),
    },
  }
}

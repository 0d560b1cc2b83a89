// The sandbox: SpaceONE, CloudMC and Onqlave emulated on one loopback port (../shared/providers/README.md).
import { createPrivateKey, createPublicKey, generateKeyPair, randomBytes, type KeyObject } from 'node:crypto'
import { promisify } from 'node:util'
import { cloudmcService } from './cloudmc'
import { createClock } from './clock'
import type { Context, LiveConfig } from './context'
import { controlHandler } from './control'
import { onqlaveService } from './onqlave'
import { arxService } from './onqlave-arx'
import { loadStateFile, stateSaver, type Saver } from './persist'
import { freshSeed, seededRandom } from './random'
import { seedWorld, type SeedParams } from './seed'
import { listen } from './server'
import { decodeJwt } from './jwt'
import { apiKeyJwt, spaceoneService } from './spaceone'
import { spaceone2Service } from './spaceone2'
import { spaceone2Info } from './spaceone2-info'
import { worldFromJson, worldToJson, type StateFile } from './state'
import type { Sandbox, SandboxOptions } from './types'

export type { Sandbox, SandboxAccount, SandboxCredentials, SandboxOptions, SandboxSpaceoneUser } from './types'

const HELM_SERVICES = [
  'identity',
  'inventory',
  'plugin',
  'repository',
  'secret',
  'monitoring',
  'config',
  'power_scheduler',
  'statistics',
  'billing',
  'notification',
]
// RSA-2048 generation dominates start-up; beyond this many domains, keys are shared round-robin.
const MAX_DOMAIN_KEYS = 4

const makeKeyPair = promisify(generateKeyPair)

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`))
  checkOptions(options)
  const saved = options.stateFile ? loadStateFile(options.stateFile, log) : undefined
  const params: SeedParams = saved
    ? { seed: saved.seed, accountsPerProvider: saved.accountsPerProvider, keysPerAccount: saved.keysPerAccount }
    : {
        seed: options.seed ?? freshSeed(),
        accountsPerProvider: options.accountsPerProvider ?? 1,
        keysPerAccount: options.keysPerAccount ?? null,
      }
  const domainKeys = saved
    ? saved.domainKeys.map((pem) => createPrivateKey(pem))
    : await Promise.all(
        Array.from({ length: Math.min(params.accountsPerProvider, MAX_DOMAIN_KEYS) }, async () => {
          const { privateKey } = await makeKeyPair('rsa', { modulusLength: 2048 })
          return privateKey
        }),
      )
  if (domainKeys.length === 0) throw new Error('the state file has no SpaceONE domain keys')
  const spaceone2Key = saved?.spaceone2Key
    ? createPrivateKey(saved.spaceone2Key)
    : (await makeKeyPair('rsa', { modulusLength: 2048 })).privateKey

  const server = await listen(options.port ?? 0, log)
  const url = `http://127.0.0.1:${server.port}`
  const clock = createClock()
  const initialConfig: LiveConfig = {
    latencyMs: options.latencyMs ?? 0,
    faultRate: options.faultRate ?? 0,
    dropAnswerRate: options.dropAnswerRate ?? 0,
    propagationSeconds: options.propagationSeconds ?? 300,
    activationSeconds: options.activationSeconds ?? 2,
    tokenLeewaySeconds: 0,
    naiveTzOffsetHours: 0,
    perAccount: new Map(),
  }
  const seededAt = saved?.seededAt ?? clock.now()
  const seeded = seedWorld(params, url, seededAt, domainKeys, spaceone2Key)
  let saver: Saver | undefined
  const ctx: Context = {
    clock,
    url,
    config: initialConfig,
    // After a restart the runtime stream must not repeat ids handed out before it.
    // A state file from before 2.x was served has no 2.x world: it starts from the seed.
    world: saved
      ? { ...worldFromJson(saved.world), ...(saved.world.spaceone2 ? {} : { spaceone2: seeded.world.spaceone2 }) }
      : seeded.world,
    random: seededRandom(params.seed, saved ? `runtime/${freshSeed()}` : 'runtime'),
    domainKeys,
    domainPublicKeys: domainKeys.map((key: KeyObject) => createPublicKey(key)),
    spaceone2Key,
    spaceone2PublicKey: createPublicKey(spaceone2Key),
    spaceoneServices: options.spaceoneServices ?? HELM_SERVICES,
    changed: () => saver?.changed(),
  }
  if (options.stateFile) {
    const snapshot = (): StateFile => ({
      version: 1,
      ...params,
      domainKeys: domainKeys.map((key) => key.export({ type: 'pkcs8', format: 'pem' }).toString()),
      spaceone2Key: spaceone2Key.export({ type: 'pkcs8', format: 'pem' }).toString(),
      seededAt,
      world: worldToJson(ctx.world),
    })
    saver = stateSaver(options.stateFile, snapshot, log)
    if (!saved) saver.changed()
  }
  if (
    saved &&
    (options.seed !== undefined || options.accountsPerProvider !== undefined || options.keysPerAccount !== undefined)
  ) {
    log('sandbox: using the seed, account and key counts of the state file; the options given for them are ignored')
  }

  let faults = seededRandom(params.seed, 'faults')
  const controlToken = randomBytes(24).toString('base64url')
  const reset = (): void => {
    clock.setOffset(0)
    ctx.config = initialConfig
    ctx.world = seedWorld(params, url, clock.now(), domainKeys, spaceone2Key).world
    ctx.random = seededRandom(params.seed, 'runtime')
    faults = seededRandom(params.seed, 'faults')
    ctx.changed()
  }
  server.attach({
    services: [spaceone2Service(ctx), spaceoneService(ctx), cloudmcService(ctx), onqlaveService(ctx), arxService(ctx)],
    control: controlHandler({ ctx, token: controlToken, labels: new Set(seeded.accounts.map((a) => a.label)), reset }),
    tuning: (account) => {
      const own = account === undefined ? undefined : ctx.config.perAccount.get(account)
      return {
        latencyMs: own?.latencyMs ?? ctx.config.latencyMs,
        faultRate: own?.faultRate ?? ctx.config.faultRate,
        dropAnswerRate: own?.dropAnswerRate ?? ctx.config.dropAnswerRate,
      }
    },
    draw: () => faults.float(),
  })

  let closing: Promise<void> | undefined
  const spaceone2 = spaceone2Info(ctx, seeded.spaceone2)
  // Credentials are minted from the world, so a restart from a state file hands out the same tokens.
  const accounts = seeded.accounts.map((a) => {
    if (a.provider === 'spaceone-apps') return { ...a, credentials: { token: spaceone2.secrets.credential } }
    if (a.provider !== 'spaceone' || !('token' in a.credentials)) return a
    const keyId = decodeJwt(a.credentials.token)?.payload.api_key_id
    const key = typeof keyId === 'string' ? ctx.world.spaceone.keys.get(keyId) : undefined
    return key ? { ...a, credentials: { token: apiKeyJwt(ctx, key) } } : a
  })
  return {
    url,
    accounts,
    controlToken,
    spaceone: { users: seeded.spaceoneUsers },
    spaceone2,
    close: () => {
      closing ??= (async () => {
        await server.close()
        await saver?.flush()
      })()
      return closing
    },
  }
}

function checkOptions(o: SandboxOptions): void {
  const check = (name: string, value: number | undefined, min: number, max: number, integer: boolean): void => {
    if (value === undefined) return
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      throw new RangeError(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, not ${value}`)
    }
  }
  check('port', o.port, 0, 65535, true)
  check('propagationSeconds', o.propagationSeconds, 0, 86_400, false)
  check('activationSeconds', o.activationSeconds, 0, 86_400, false)
  check('latencyMs', o.latencyMs, 0, 60_000, false)
  check('faultRate', o.faultRate, 0, 1, false)
  check('dropAnswerRate', o.dropAnswerRate, 0, 1, false)
  check('keysPerAccount', o.keysPerAccount, 0, 100_000, true)
  check('accountsPerProvider', o.accountsPerProvider, 1, 100, true)
  if (o.seed !== undefined && o.seed === '') throw new RangeError('seed must not be empty')
}

// Onqlave's Arx data plane: POST /oe2/keymanager/{encrypt,decrypt}, also as /<arx id>/oe2/… (onqlave.md §7, §8).
import { randomBytes } from 'node:crypto'
import type { Context } from './context'
import { header, jsonObject, type Incoming, type Reply } from './http'
import {
  DATA_KEY_BYTES,
  digestOf,
  openDataKey,
  sameText,
  sealDataKey,
  signatureOf,
  wrapDataKey,
  wrappingKeyCache,
  type WrappingKey,
} from './onqlave-crypto'
import { failure, onqlaveError, rendered, statusOf } from './onqlave-envelope'
import type { Service } from './service'
import type { OnqlaveCluster, OnqlaveKey } from './state'

const PATH = /^\/(?:([^/]+)\/)?oe2(?:\/|$)/
const OPERATION = /^\/(?:[^/]+\/)?oe2\/keymanager\/(encrypt|decrypt)$/
const WRAPPING_ALGO = 'RSA_SSA_PKCS1_2048_SHA256_F4'
const MAX_EDK_BASE64 = 1500

export function arxService(ctx: Context): Service {
  const wrappingKey = wrappingKeyCache()
  return {
    name: 'onqlave-arx',
    owns: (path) => PATH.test(path),
    accountOf: (req) => {
      const key = keyOf(ctx, req)
      return key ? ctx.world.onqlave.tenants.get(key.tenantId)?.label : undefined
    },
    handle: (req) => rendered(() => serve(ctx, req, wrappingKey)),
    failure,
  }
}

function keyOf(ctx: Context, req: Incoming): OnqlaveKey | undefined {
  const accessKey = header(req, 'onqlave-api-key')
  const id = accessKey ? ctx.world.onqlave.keyIdByAccessKey.get(accessKey) : undefined
  return id ? ctx.world.onqlave.keys.get(id) : undefined
}

async function serve(ctx: Context, req: Incoming, wrappingKey: ReturnType<typeof wrappingKeyCache>): Promise<Reply> {
  const operation = OPERATION.exec(req.path)?.[1]
  if (!operation) throw onqlaveError(404, 'not found')
  if (req.method !== 'POST') throw onqlaveError(405, 'method not allowed')
  const { key, cluster } = verify(ctx, req)
  const body = jsonObject(req.body)
  if (!body) throw onqlaveError(400, 'malformed JSON body')
  const wrapping = await wrappingKey(key.id, key.cryptoAccessKey)
  const masterKey = Buffer.from(cluster.masterKey, 'base64')
  const size = DATA_KEY_BYTES[cluster.encryption]
  const security = { algo: cluster.encryption, wrapping_algo: WRAPPING_ALGO }
  if (operation === 'encrypt') {
    const dataKey = randomBytes(size)
    const edk = sealDataKey(masterKey, cluster.id, dataKey).toString('base64')
    return answer(
      wrapping,
      { encrypted_data_key: edk, wrapped_data_key: wrapDataKey(wrapping, dataKey) },
      security,
      true,
    )
  }
  const edk = body.encrypted_data_key
  const raw =
    typeof edk === 'string' && edk.length <= MAX_EDK_BASE64 && /^[A-Za-z0-9+/]+={0,2}$/.test(edk)
      ? Buffer.from(edk, 'base64')
      : undefined
  const dataKey = raw ? openDataKey(masterKey, cluster.id, raw, size) : undefined
  if (!dataKey) throw onqlaveError(400, 'invalid encrypted data key')
  return answer(wrapping, { wrapped_data_key: wrapDataKey(wrapping, dataKey) }, security, false)
}

/** The checks of §8, in order: key and arx, context length, digest of the raw bytes, then the HMAC. */
function verify(ctx: Context, req: Incoming): { key: OnqlaveKey; cluster: OnqlaveCluster } {
  const key = keyOf(ctx, req)
  const arx = header(req, 'onqlave-arx')
  const pathArx = PATH.exec(req.path)?.[1]
  const cluster = key ? ctx.world.onqlave.clusters.get(key.clusterId) : undefined
  if (
    !key ||
    !cluster ||
    statusOf(key, ctx.clock.now()) !== 'active' ||
    arx !== key.clusterId ||
    (pathArx !== undefined && pathArx !== arx)
  ) {
    throw onqlaveError(401, 'invalid access key or arx')
  }
  const length = header(req, 'onqlave-context-len')
  if (length === undefined || !/^\d+$/.test(length) || Number(length) !== req.body.length) {
    throw onqlaveError(400, 'ONQLAVE-CONTEXT-LEN does not match the body length')
  }
  if (!sameText(header(req, 'onqlave-digest') ?? '', digestOf(req.body))) throw onqlaveError(401, 'invalid digest')
  const expected = signatureOf((name) => header(req, name), key.signingKey)
  if (!sameText(header(req, 'onqlave-signature') ?? '', expected)) throw onqlaveError(401, 'invalid signature')
  return { key, cluster }
}

function answer(
  wrapping: WrappingKey,
  dataKey: Readonly<Record<string, string>>,
  security: unknown,
  encrypt: boolean,
): Reply {
  const body = {
    wrapping_key: { encrypted_private_key: wrapping.encryptedPrivateKey, key_fingerprint: wrapping.fingerprint },
    data_key: dataKey,
    security_model: security,
    ...(encrypt ? { max_uses: 100 } : {}),
  }
  return { status: 200, body }
}

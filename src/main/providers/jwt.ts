// Reads a JWT's payload WITHOUT verifying it: only for non-secret facts (domain, user, key id) the server checks anyway.

export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.trim().split('.')
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)) || !parts[1]) return undefined
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
    if (payload && typeof payload === 'object' && !Array.isArray(payload)) return payload as Record<string, unknown>
  } catch {
    return undefined
  }
  return undefined
}

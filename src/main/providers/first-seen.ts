// Stand-in creation time for a key whose service gives none (CloudMC allows it): the moment KeyDesk first saw it.

export function createFirstSeen(now: () => Date = () => new Date()): (accountId: string, keyId: string) => string {
  const seen = new Map<string, string>()
  return (accountId, keyId) => {
    const key = `${accountId}\u0000${keyId}`
    let at = seen.get(key)
    if (!at) {
      at = now().toISOString()
      seen.set(key, at)
    }
    return at
  }
}

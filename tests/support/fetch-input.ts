// The address a fetch was called with, whichever form the caller passed it in.
export function urlOf(input: string | URL | Request): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
}

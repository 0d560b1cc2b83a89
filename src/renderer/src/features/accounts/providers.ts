// The account form's fields and their checks, from each provider's descriptor.
import { credentialProblems, type ProviderDescriptor } from '../../../../shared/descriptor'

/** The form's values by field name: 'endpoint' and the descriptor's credential fields. */
export type Fields = Readonly<Record<string, string | undefined>>

export function initialFields(d: ProviderDescriptor): Fields {
  return { endpoint: d.endpoint.default }
}

/** Field → message, for the fields the user must fix before KeyDesk can try them. */
export function validateFields(
  d: ProviderDescriptor,
  f: Fields,
  opts: { credential: boolean; endpoint: boolean },
): Record<string, string> {
  const errors: Record<string, string> = opts.credential ? credentialProblems(d, f) : {}
  if (opts.endpoint) {
    const v = (f.endpoint ?? '').trim()
    const problem = v ? endpointProblem(v, d) : `Enter the ${d.endpoint.label.toLowerCase()}.`
    if (problem) errors.endpoint = problem
  }
  return errors
}

function endpointProblem(v: string, d: ProviderDescriptor): string | null {
  let url: URL
  try {
    url = new URL(v)
  } catch {
    return 'Enter a full URL, starting with https://.'
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    return 'Use https:// (http:// is allowed only for this computer).'
  const pattern = d.endpoint.pattern
  if (pattern && !new RegExp(pattern.source).test(v)) return pattern.message
  return null
}

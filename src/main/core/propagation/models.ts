// Which policy runs each propagation model.
import type { Policy, Tracked } from './policy'
import { pollPolicy } from './poll'
import { windowPolicy } from './window'

export function policyFor(model: Tracked): Policy {
  switch (model) {
    case 'window':
      return windowPolicy
    case 'poll':
      return pollPolicy
  }
}

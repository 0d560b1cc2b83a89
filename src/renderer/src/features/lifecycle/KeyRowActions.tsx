// Mount point for row actions (enable, disable, rename, delete, rotate); features/lifecycle owns the real component.
import type { AccountView, KeyRecord } from '../../../../shared/model'

export function KeyRowActions(_props: { readonly keyRecord: KeyRecord; readonly account: AccountView }) {
  return null
}

// The only file that touches window.api. In the browser host there is no preload, so the same client runs over HTTP.
import type { AppApi } from '../../shared/api'
import { createClient } from '../../preload/client'
import { httpTransport } from './host-transport'

export const api: AppApi = window.api ?? createClient(httpTransport())

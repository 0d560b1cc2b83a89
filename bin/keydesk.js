#!/usr/bin/env node
// `keydesk`: runs the built bundle, out/cli/keydesk.js (`npm run build` makes it). In a checkout that was never built
// it runs the TypeScript sources through tsx instead: slower to start, same behaviour.
import { existsSync } from 'node:fs'

const bundle = new URL('../out/cli/keydesk.js', import.meta.url)
if (existsSync(bundle)) {
  await import(bundle.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(new URL('../src/cli/index.ts', import.meta.url).href)
}

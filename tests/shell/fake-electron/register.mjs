// node --import tsx --import ./register.mjs out/main/index.js: makes `import 'electron'` load the fake.
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url)

import { defineConfig } from 'vitest/config'

// require('electron') in plain Node would try to download a binary; this makes it a harmless path string.
const env = { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron-dist', KEYDESK_ENV: 'test' }

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], env, testTimeout: 20_000 } },
      {
        test: {
          name: 'keychain',
          environment: 'node',
          include: ['tests/keychain/**/*.test.ts'],
          env,
          testTimeout: 20_000,
        },
      },
      {
        // Needs the build (out/): scripts/test.mjs runs it after `electron-vite build`, under a private keyring.
        test: {
          name: 'shell',
          environment: 'node',
          include: ['tests/shell/**/*.test.ts'],
          env,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        esbuild: { jsx: 'automatic' },
        test: { name: 'renderer', environment: 'happy-dom', include: ['tests/renderer/**/*.test.tsx'], env },
      },
    ],
  },
})

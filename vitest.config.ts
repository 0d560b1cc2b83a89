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
          // One private keyring for every file: some pause its daemon (SIGSTOP) or lock it while they run.
          fileParallelism: false,
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
        // The real `keydesk` bundle as a process: needs `npm run build:cli` and a private keyring (scripts/test.mjs).
        test: {
          name: 'cli',
          environment: 'node',
          include: ['tests/cli/**/*.test.ts'],
          env,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        esbuild: { jsx: 'automatic' },
        test: { name: 'renderer', environment: 'happy-dom', include: ['tests/renderer/**/*.test.tsx'], env },
      },
    ],
  },
})

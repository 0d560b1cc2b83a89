// Lint that keeps the layers (docs/architecture.md): type-aware TypeScript rules, React hooks, import boundaries
// per folder and no import cycles. `npm run lint` must report nothing: warnings count as errors.
import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/** no-restricted-imports with one message per forbidden pattern (regular expressions on the import path). */
const forbid = (...rules) => ({
  'no-restricted-imports': ['error', { patterns: rules.map(([regex, message]) => ({ regex, message })) }],
})

const NO_ELECTRON = ['^electron(/|$)', 'Only the Electron shell (src/main/*.ts, src/preload) may import electron.']

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.node.json', './tsconfig.web.json'], tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      // Read imported TypeScript files with the TypeScript parser, or no-cycle cannot follow them.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // Handlers of the channel map and ports return promises whether or not they wait for anything.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // The one rule: nothing below the shell touches Electron.
  {
    files: ['src/shared/**', 'src/main/net/**'],
    rules: forbid(
      NO_ELECTRON,
      ['^\\.\\./(core|providers)(/|$)', 'src/main/net sits below core and providers.'],
      ['^(\\.\\./)+(main|renderer)/', 'src/shared is imported by every process and imports none of them.'],
    ),
  },
  {
    files: ['src/main/providers/**'],
    rules: forbid(NO_ELECTRON, ['^\\.\\./core(/|$)', 'Providers never import the core: the core calls them.']),
  },
  { files: ['src/main/core/**'], rules: forbid(NO_ELECTRON) },
  {
    files: ['src/renderer/**'],
    rules: forbid(
      NO_ELECTRON,
      ['(^|/)main/', 'The renderer reaches the core only through window.api (src/shared/api.ts).'],
      ['(^|/)node:', 'The renderer runs sandboxed: no Node modules.'],
    ),
  },
  // Features are folders: each imports shared components, stores, actions and itself, never another feature.
  {
    files: ['src/renderer/src/features/**'],
    rules: forbid(
      NO_ELECTRON,
      ['(^|/)main/', 'The renderer reaches the core only through window.api.'],
      ['^\\.\\./(?!\\.\\.)[^/]+/', 'A feature imports only shared components, stores, actions and itself.'],
    ),
  },
  // The fake electron module starts its control channel when loaded, and the channel drives the module later.
  { files: ['tests/shell/fake-electron/**'], rules: { 'import-x/no-cycle': 'off' } },
  // Tests pull methods off typed fakes and stores to assert on them.
  {
    files: ['tests/**', 'e2e/**', 'bench/**'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  // The sandbox's wire contract tests read raw JSON answers field by field (not yet typed per service).
  {
    files: ['tests/unit/sandbox-*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
)

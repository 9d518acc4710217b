import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The conventions, checked: ESLint's and typescript-eslint's recommended rules, React's rules of
 * hooks, and the layers as import boundaries — shared ← core ← contract ← host, command line and
 * the shells (main process, bridge); the screens see the contract and shared only, and no screen
 * folder another; screens and components do not reach up into the app, which composes them and
 * provides what they need (the session) through the renderer's api/.
 */
const LAYERS = [
  { type: 'shared', pattern: 'src/shared' },
  { type: 'core', pattern: 'src/core' },
  { type: 'contract', pattern: 'src/contract' },
  { type: 'host', pattern: 'src/host' },
  { type: 'cli', pattern: 'src/cli' },
  { type: 'main', pattern: 'src/main' },
  { type: 'preload', pattern: 'src/preload' },
  { type: 'bridge', pattern: 'src/bridge' },
  { type: 'app', pattern: 'src/renderer/app' },
  { type: 'screen', pattern: 'src/renderer/screens/*', capture: ['screen'] },
  { type: 'renderer', pattern: 'src/renderer' },
];

const may = (from, to) => ({ from: { element: { type: from } }, allow: { to: { element: { types: { anyOf: to } } } } });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Control characters are matched on purpose: what units' files and users' pastes carry is cleaned of them.
      'no-control-regex': 'off',
      // Plain code: a value is returned, not slipped out through a comma expression or an assignment.
      'no-sequences': ['error', { allowInParentheses: false }],
      'no-return-assign': ['error', 'always'],
    },
  },
  // Playwright's fixtures name what they depend on as a pattern, empty when they depend on nothing.
  { files: ['test/e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
  {
    // The rules of hooks with the React Compiler's stricter ones, all as errors; exhaustive-deps stays a warning only until the last screens' effects go.
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: Object.fromEntries(
      Object.keys(reactHooks.configs['recommended-latest'].rules).map((rule) => [rule, rule === 'react-hooks/exhaustive-deps' ? 'warn' : 'error']),
    ),
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYERS,
      'boundaries/files': [{ category: 'entry', pattern: 'src/renderer/main.tsx' }],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            may('shared', ['shared']),
            may('core', ['shared', 'core']),
            may('contract', ['shared', 'core', 'contract']),
            may('host', ['shared', 'core', 'contract', 'host']),
            may('cli', ['shared', 'core', 'contract', 'host', 'cli']),
            may('main', ['shared', 'core', 'contract', 'host', 'main']),
            may('preload', ['contract']),
            may('bridge', ['shared', 'core', 'contract', 'host', 'bridge']),
            may('renderer', ['shared', 'contract', 'renderer']),
            may('app', ['shared', 'contract', 'renderer', 'app', 'screen']),
            // The page's entry (main.tsx) mounts the app.
            { from: { file: { categories: 'entry' } }, allow: { to: { element: { type: 'app' } } } },
            {
              from: { element: { type: 'screen' } },
              allow: {
                to: [
                  { element: { types: { anyOf: ['shared', 'contract', 'renderer'] } } },
                  { element: { type: 'screen', captured: { screen: '{{ from.captured.screen }}' } } },
                ],
              },
            },
          ],
        },
      ],
    },
  },
);

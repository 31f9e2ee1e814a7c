import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'src-main/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // src-shared runs on both sides: no Node built-ins, no Electron, no DOM-only code.
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src-shared is pure TypeScript: no node:* imports.' },
            { group: ['electron', 'electron/*'], message: 'src-shared must not import electron.' },
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared imports nothing from the hosts.' },
          ],
          paths: ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'better-sqlite3', 'react'],
        },
      ],
    },
  },
  {
    // The renderer talks to the back end only through api.ts.
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', '**/src-main'],
              message: 'The renderer reaches the back end only through api.ts.',
            },
            { group: ['node:*'], message: 'The renderer runs in a sandbox: no node:* imports.' },
            { group: ['electron', 'electron/*'], message: 'The renderer must not import electron; use api.ts.' },
          ],
        },
      ],
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'static/*/build', 'contract/openapi', '.data', 'coverage', '.scratch', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The domain is pure: no adapters, no Forge, no React, no I/O.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/adapters/**', '**/services/**', '**/resolvers/**', '**/triggers/**', '**/ports/**'],
              message: 'src/domain imports nothing outside src/domain.',
            },
            {
              group: ['@forge/*', 'react', 'react-dom', '@atlaskit/*'],
              message: 'src/domain knows no Forge and no React.',
            },
            { group: ['node:*', 'fs', 'http', 'https', 'net'], message: 'src/domain does no I/O.' },
          ],
        },
      ],
    },
  },
  {
    // The UI sees only the shared contract types.
    files: ['static/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/domain/**', '**/src/adapters/**', '**/src/services/**', '**/src/resolvers/**'],
              message: 'The UI imports only src/contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

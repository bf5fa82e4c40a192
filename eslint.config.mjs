import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'static/*/build',
      'contract/openapi',
      '.data',
      'coverage',
      '.scratch',
      'test-results',
    ],
  },
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
    // Design tokens everywhere in the UI: a raw colour would not follow the host's light or dark theme.
    files: ['static/**/*.{ts,tsx}'],
    ignores: ['static/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'Literal[value=/#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\\b/]',
          'TemplateElement[value.raw=/#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\\b/]',
          'Literal[value=/\\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\\(/i]',
          'TemplateElement[value.raw=/\\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\\(/i]',
          'Literal[value=/var\\(--ds-/]',
          'TemplateElement[value.raw=/var\\(--ds-/]',
        ].map((selector) => ({
          selector,
          message:
            "Use a design token (token('color.…') from @atlaskit/tokens), not a raw colour or a hand-written --ds- variable.",
        })),
        {
          selector:
            'Property[key.name=/^(?:color|background|backgroundColor|borderColor|border|outline|fill|stroke|stopColor|boxShadow|textDecorationColor)$/] > Literal[value=/^(?:[a-z]+\\s+)*(?:white|black|red|green|blue|gray|grey|orange|yellow|purple|pink|brown|navy|teal|silver|maroon|olive|lime|aqua|fuchsia)$/i]',
          message: "Use a design token (token('color.…') from @atlaskit/tokens), not a named colour.",
        },
        {
          selector:
            'JSXAttribute[name.name=/^(?:fill|stroke|color|stopColor|floodColor|lightingColor)$/] > Literal[value!=/^(?:none|currentColor|transparent|inherit|url\\(.*\\))$/]',
          message: "SVG paint comes from a design token (fill={token('color.…')}), not a literal colour.",
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

import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.pw-browsers', 'coverage'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine and the patterns stay pure: no wall clock, no Math.random, no any.
    files: ['src/engine/**/*.ts', 'src/patterns/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the engine PRNG (ctx.random).' },
        { object: 'Date', property: 'now', message: 'Use virtual time (ctx.now).' },
        { object: 'performance', property: 'now', message: 'Use virtual time (ctx.now).' },
      ],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'window', 'document'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'react',
            'react-dom',
            'zustand',
            '@xyflow/*',
            '../ui/*',
            '../store/*',
            '../../ui/*',
            '../../store/*',
          ],
        },
      ],
    },
  },
  {
    // The UI and the stores see the engine through its one public surface (src/engine/index.ts).
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.{ts,tsx}', 'src/App.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/*', '!**/engine/index'],
              message: "Import the engine through its public surface: '../engine' (src/engine/index.ts).",
            },
          ],
        },
      ],
    },
  },
  {
    // Patterns depend on the engine only: report and expectation checks are the engine's, not the CLI's.
    files: ['src/patterns/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'zustand',
                '@xyflow/*',
                '../ui/*',
                '../store/*',
                '../../ui/*',
                '../../store/*',
              ],
              message: 'The patterns stay pure: no UI, no stores.',
            },
            { group: ['**/cli/*'], message: 'Patterns import the engine, never src/cli.' },
          ],
        },
      ],
    },
  },
);

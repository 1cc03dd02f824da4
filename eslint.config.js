// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PURE_ENGINE = 'The engine must stay pure (no DOM, extension or Node API): see README "Architecture".';
const PLATFORM_ONLY = 'Only src/platform may touch the WebExtension API.';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'webextension-polyfill', message: PLATFORM_ONLY }] }],
      'no-restricted-globals': ['error', { name: 'chrome', message: PLATFORM_ONLY }],
    },
  },
  {
    files: ['src/engine/**', 'src/render/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'webextension-polyfill', message: PURE_ENGINE },
            { name: 'react', message: PURE_ENGINE },
          ],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'url'], message: PURE_ENGINE },
            { group: ['../../*', '!../../engine/*'], message: PURE_ENGINE },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['chrome', 'browser', 'window', 'document', 'process', 'Buffer', 'fetch', 'XMLHttpRequest'].map((name) => ({
          name,
          message: PURE_ENGINE,
        })),
      ],
    },
  },
  {
    files: ['src/platform/**'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
  {
    files: ['src/panel/**', 'src/devtools/**', 'src/capture/**', 'src/background/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/panel/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'webextension-polyfill', message: PLATFORM_ONLY },
            { name: 'react', message: 'The CLI renders engine output as text; it does not use React.' },
          ],
          patterns: [
            { group: ['../panel/*', '../platform/*', '../devtools/*'], message: 'The CLI depends on the engine only.' },
          ],
        },
      ],
    },
  },
);

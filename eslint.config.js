// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PURE_ENGINE = 'The engine must stay pure (no DOM, extension or Node API): see README "Architecture".';
const PLATFORM_ONLY = 'Only src/platform may touch the WebExtension API.';
const PROBE_DEPS = 'src/probe depends on the engine through its public API (src/engine/index.ts) only.';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'reports/', 'scratch/'] },
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
            { group: ['../probe', '../probe/*', '../cli', '../cli/*'], message: PURE_ENGINE },
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
    // The probe's network side: Node APIs are fine, the engine only through its public API, never the CLI.
    files: ['src/probe/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'webextension-polyfill', message: PLATFORM_ONLY },
            { name: 'react', message: 'src/probe sends requests and builds HARs; it renders nothing.' },
          ],
          patterns: [
            { group: ['../cli', '../cli/*', '../panel/*', '../platform/*', '../devtools/*'], message: PROBE_DEPS },
            { group: ['../engine/*'], message: PROBE_DEPS },
          ],
        },
      ],
    },
  },
  {
    // Captured values are hostile (any server writes them): extension pages render them as text only. With these
    // banned, react-dom's innerHTML assignments (the two web-ext lint warnings, SECURITY.md) are unreachable.
    files: ['src/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          ["JSXAttribute[name.name='dangerouslySetInnerHTML']", 'dangerouslySetInnerHTML'],
          [
            'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML|srcdoc)$/]',
            'HTML sinks',
          ],
          [
            'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe)$/]',
            'HTML sinks',
          ],
          ["CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", 'document.write'],
        ].map(([selector, what]) => ({
          selector,
          message: `No ${what}: captured values are rendered as text (SECURITY.md, "What the extension renders").`,
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

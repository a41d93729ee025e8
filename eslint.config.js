// Lint rules, including the architecture's import boundaries (docs/ARCHITECTURE.md): the UI never
// imports ML runtimes or worker-side code; core imports nothing from the runtime layers.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ML_LIBRARIES = ['@mediapipe/*', 'onnxruntime-web', 'onnxruntime-web/*', 'onnxruntime-node', '@huggingface/transformers', '@xenova/transformers'];

function restrict(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group].flat(), message })) }] };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench-results/', 'test-results/', 'tests/dbg.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // In tests a missing value should fail loudly at the assertion, which `!` does.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['src/app/**'],
    rules: restrict([...ML_LIBRARIES, '**/platform/**', '**/workers/**', '**/server/**'], 'src/app is UI only: reach pipelines through src/engine.'),
  },
  {
    files: ['src/engine/**'],
    rules: restrict([...ML_LIBRARIES, '**/platform/**', '**/app/**', '**/server/**'], 'src/engine talks to workers/servers through the core protocol only.'),
  },
  {
    files: ['src/core/**'],
    rules: restrict(
      [...ML_LIBRARIES, 'idb-keyval', 'solid-js', 'solid-js/*', '**/platform/**', '**/app/**', '**/engine/**', '**/server/**', '**/workers/**'],
      'src/core runs in workers and in Node: runtime libraries enter through a Platform.',
    ),
  },
  {
    files: ['server/**'],
    rules: restrict(
      [
        '**/app/**',
        '**/engine/**',
        '**/platform/browser/**',
        '**/workers/**',
        'onnxruntime-web',
        'onnxruntime-web/*',
        '@mediapipe/*',
        'solid-js',
        'solid-js/*',
        'idb-keyval',
      ],
      'The fallback server runs src/core on Node: no UI, engine or browser code.',
    ),
  },
  {
    files: ['src/platform/browser/**', 'workers/**'],
    rules: restrict(
      ['**/app/**', '**/engine/**', '**/server/**', '**/platform/node/**', 'solid-js', 'solid-js/*'],
      'Worker-side code must not import UI, engine or server code.',
    ),
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';

const nodeBuiltins = ['fs', 'path', 'child_process', 'os', 'http', 'https', 'net', 'crypto', 'url', 'util', 'stream', 'events', 'buffer', 'zlib', 'tls', 'readline', 'worker_threads', 'process'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.tools/', 'artifacts/', '.demo/', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.js'] } }, 'import/extensions': ['.ts'] },
    rules: {
      'import/no-cycle': 'error',
      'import/no-default-export': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure: no editor API, no Node built-ins. Side effects go through src/core/ports.ts.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core must not import vscode; use a port.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'src/core must not import Node built-ins; use a port.' }))],
        patterns: [{ group: ['node:*'], message: 'src/core must not import Node built-ins; use a port.' },
          { group: ['**/extension/**', '**/node/**', '**/cli/**'], message: 'src/core must not depend on adapters.' }],
      }],
    },
  },
  {
    files: ['src/node/**/*.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/extension may import vscode.' }] }] },
  },
);

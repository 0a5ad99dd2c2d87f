// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layering rule of docs/architecture.md, enforced: each layer lists what it must not import.
 * Arrows point down only: renderer -> shared; preload -> shared (+ electron); main -> core, shared;
 * browser host -> core, shared; core -> shared (never electron); shared -> nothing but zod.
 */
const layer = (files, patterns, paths = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: paths.map((name) => ({ name, message: `Layering: ${files[0]} must not import ${name}.` })),
        patterns: patterns.map((group) => ({
          group: [group],
          message: `Layering: ${files[0]} must not import ${group}.`,
        })),
      },
    ],
  },
});

const nodeBuiltins = ['node:*', 'fs', 'path', 'child_process', 'crypto', 'os', 'http', 'net'];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'resources/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  layer(
    ['src/renderer/**'],
    ['**/core/**', '**/main/**', '**/preload/**', '**/browser-host/**', ...nodeBuiltins],
    ['electron', 'better-sqlite3'],
  ),
  layer(
    ['src/preload/**'],
    ['**/core/**', '**/main/**', '**/renderer/**', '**/browser-host/**', ...nodeBuiltins],
    ['better-sqlite3'],
  ),
  layer(
    ['src/core/**'],
    ['**/main/**', '**/preload/**', '**/renderer/**', '**/browser-host/**', 'electron/*'],
    ['electron'],
  ),
  layer(['src/browser-host/**'], ['**/main/**', '**/preload/**', '**/renderer/**', 'electron/*'], ['electron']),
  layer(['src/main/**'], ['**/renderer/**', '**/preload/**', '**/browser-host/**']),
  layer(
    ['src/shared/**'],
    ['**/core/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/browser-host/**', ...nodeBuiltins],
    ['electron', 'better-sqlite3'],
  ),
);

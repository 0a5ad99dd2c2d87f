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

const coreOutside = [
  '**/main/**',
  '**/preload/**',
  '**/renderer/**',
  '**/browser-host/**',
  '**/host-common/**',
  'electron/*',
];

/** Core folder -> the core folders it must not import (its layer is lower, or unrelated). */
const coreFolders = [
  'api',
  'content',
  'db',
  'library',
  'media',
  'packs',
  'profiles',
  'quiz',
  'records',
  'study',
  'text',
  'venue',
];
const except = (...allowed) => coreFolders.filter((f) => !allowed.includes(f));
const coreBelow = {
  text: except('text'),
  db: except('db'),
  content: except('content', 'text'),
  packs: except('packs', 'text', 'content'),
  media: except('media', 'packs'),
  profiles: except('profiles', 'db', 'text'),
  library: except('library', 'media', 'packs', 'db', 'text', 'content'),
  study: except('study', 'library', 'packs', 'db', 'text'),
  quiz: except('quiz', 'study', 'library', 'packs', 'db', 'text'),
  records: except('records', 'quiz', 'study', 'library', 'packs', 'db', 'text'),
  venue: except('venue', 'records', 'quiz', 'study', 'library', 'packs', 'db', 'text'),
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'resources/**',
      'coverage/**',
      '.stryker-tmp/**',
      'reports/**',
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
  // A sandboxed preload can load only `electron` (and a few built-ins): no runtime import of
  // anything else, not even shared code, so nothing can drag a dependency into the built file.
  // Type-only imports are erased by the build and stay allowed.
  {
    files: ['src/preload/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$).*',
              allowTypeImports: true,
              message: 'A sandboxed preload may import only electron at run time (types are fine).',
            },
          ],
        },
      ],
    },
  },
  layer(
    ['src/host-common/**'],
    ['**/core/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/browser-host/**'],
    ['electron'],
  ),
  layer(['src/core/**'], coreOutside, ['electron']),
  // Inside the core the arrows point down too: each folder lists the sibling folders it must not
  // reach (the pack format knows nothing of quizzes, the library owns indexing, ...).
  ...Object.entries(coreBelow).map(([folder, forbidden]) =>
    layer([`src/core/${folder}/**`], [...coreOutside, ...forbidden.map((f) => `**/${f}/**`)], ['electron']),
  ),
  layer(['src/browser-host/**'], ['**/main/**', '**/preload/**', '**/renderer/**', 'electron/*'], ['electron']),
  layer(['src/main/**'], ['**/renderer/**', '**/preload/**', '**/browser-host/**']),
  layer(
    ['src/shared/**'],
    ['**/core/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/browser-host/**', ...nodeBuiltins],
    ['electron', 'better-sqlite3'],
  ),
);

// @ts-check
/**
 * Mutation testing (`npm run mutation`; not part of `npm test`: a full run takes most of an hour on
 * two cores). Each mutant of the modules below must make some unit test fail. One module at a time:
 *   npm run mutation -- --mutate "src/core/quiz/**\/*.ts"
 * Results and what survived: docs/testing.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.mts' },
  // Only the tests that reach a mutant run for it.
  coverageAnalysis: 'perTest',
  mutate: [
    'src/core/quiz/**/*.ts',
    'src/core/packs/**/*.ts',
    'src/core/venue/**/*.ts',
    'src/core/records/**/*.ts',
    // The studypack builder's and the tool's own files are covered by their tests, not the target.
    '!src/core/packs/build.ts',
  ],
  // The machine is shared: one test process at a time.
  concurrency: 1,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};

import { defineConfig } from 'vitest/config';

/**
 * The unit tests Stryker runs against each mutant (stryker.config.mjs): those of the mutated
 * modules, without the suites that spawn processes or run for minutes, which no mutant of these
 * modules needs (crash, browser host, CLI, property runs of 1,000 cases). Otherwise as
 * vitest.config.mts (not merged with it: mergeConfig would add its include list to this one).
 */
export default defineConfig({
  test: {
    include: ['tests/unit/{quiz,packs,venue,records,library}/**/*.test.ts'],
    exclude: ['tests/unit/packs/cli.test.ts', 'tests/unit/packs/verify.property.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});

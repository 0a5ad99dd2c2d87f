import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { buildPack } from '../../../src/core/packs/build';
import { generateKeyPair } from '../../../src/core/packs/keys';

export const repoRoot = resolve(__dirname, '../../..');
export const MINI = join(repoRoot, 'tests', 'fixtures', 'packs', 'mini');

let mini: Promise<{ bytes: Buffer; publicKey: string; privateKeyPem: string }> | undefined;

/** The mini fixture pack, built and signed once per test file with a throwaway key. */
export function miniPack() {
  mini ??= (async () => {
    const keys = generateKeyPair();
    return { bytes: await buildPack(MINI, keys.privateKeyPem), ...keys };
  })();
  return mini;
}

const bundles: string[] = [];
const suiteDirs: string[] = [];
afterAll(() => {
  for (const d of [...bundles.splice(0), ...suiteDirs.splice(0)]) rmSync(d, { recursive: true, force: true });
});

/**
 * A temp folder that lives until the end of the test file, for state set up in beforeAll
 * (tests/unit/support/temp.ts removes its folders after every single test).
 */
export function suiteDir(prefix = 'study-suite-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  suiteDirs.push(dir);
  return dir;
}

/**
 * A TypeScript entry point (tests/fixtures/hardening/<name>, or a repo path) bundled into one
 * CommonJS file for child processes: starting it takes a fraction of a second, where tsx needs
 * two or more (which would make a 20-kill crash test slow). Packages stay external and resolve
 * from the repo's node_modules through NODE_PATH (childEnv).
 */
export function bundleFixture(entry: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'study-bundle-'));
  bundles.push(dir);
  const outfile = join(dir, basename(entry).replace(/\.ts$/, '.cjs'));
  buildSync({
    entryPoints: [
      entry.includes('/') ? join(repoRoot, entry) : join(repoRoot, 'tests', 'fixtures', 'hardening', entry),
    ],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

export const childEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_PATH: join(repoRoot, 'node_modules'),
  ...extra,
});

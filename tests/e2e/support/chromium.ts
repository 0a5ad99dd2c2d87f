import { existsSync } from 'node:fs';

/**
 * Playwright cannot download its own browsers on this project's machines; Debian's Chromium is
 * used where present (CHROMIUM_PATH overrides), else Playwright's own download on a normal machine.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

/**
 * Flags for Chromium on a machine with no network but loopback: without the background-networking
 * ones it keeps trying (and failing) to reach Google's hosts. Shared by the e2e suite and the bench.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export { chromiumExecutable } from './chromium-path.cjs';

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

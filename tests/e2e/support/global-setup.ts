import { electronUnavailable } from './hosts';

/** Says once, up front, why the electron project's tests are reported as skipped. */
export default function globalSetup(): void {
  const reason = electronUnavailable();
  if (reason) console.log(`[e2e] electron project skipped: ${reason}`);
}

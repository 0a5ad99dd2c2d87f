import { existsSync } from 'node:fs';

/**
 * Playwright cannot download its own browsers on this project's machines; Debian's Chromium is
 * used where present (CHROMIUM_PATH overrides), else Playwright's own download on a normal machine.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

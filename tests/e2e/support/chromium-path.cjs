// Which Chromium the e2e suite and the bench drive. Plain CommonJS, so scripts/setup.mjs can ask
// before anything is compiled (and Playwright's loader takes it as it is). Playwright cannot download its own browser on this project's build
// machines, so Debian's Chromium comes first; CHROMIUM_PATH overrides; Playwright's own download is
// used on a normal machine that has one.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose, see above */
const { existsSync } = require('node:fs');

function playwrightsOwn() {
  try {
    return require('playwright-core').chromium.executablePath();
  } catch {
    return undefined; // playwright-core not installed yet, or no browser registered for this platform
  }
}

/** @returns {string | undefined} */
function chromiumExecutable() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const system = candidates.find((c) => !!c && existsSync(c));
  if (system) return system;
  const own = playwrightsOwn();
  return own && existsSync(own) ? own : undefined;
}

module.exports = { chromiumExecutable };

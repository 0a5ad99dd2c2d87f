// The set-up both README commands run first (`prestart`, `pretest`), so a fresh clone needs
// nothing else: installs the dependencies when node_modules is missing or older than
// package-lock.json, and for `npm test` finds a Chromium for the e2e suite.
//
//   node scripts/setup.mjs start   dependencies (and the Electron binary where it can be had)
//   node scripts/setup.mjs test    dependencies and a Chromium, or the exact command to get one
//
// Nothing here needs root: where the system lacks Chromium, it prints the command and stops.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const purpose = process.argv[2] === 'test' ? 'test' : 'start';
const log = (line) => console.log(`[setup] ${line}`);

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  return r.status === 0;
}

/** npm writes node_modules/.package-lock.json on every install: older than the lock file = stale. */
function dependenciesStale() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return 'node_modules is missing';
  const lock = join(root, 'package-lock.json');
  if (statSync(lock).mtimeMs > statSync(installed).mtimeMs) return 'package-lock.json is newer than node_modules';
  return null;
}

function installDependencies() {
  const why = dependenciesStale();
  if (!why) return;
  log(`Installing dependencies (${why})…`);
  // Playwright's browser is looked for below instead (it cannot be downloaded everywhere);
  // better-sqlite3 compiles from source where its prebuilt download fails.
  const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
  if (!process.env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  if (!run('npm', ['ci', '--no-audit', '--no-fund'], env)) {
    console.error('[setup] npm ci failed (see above). Nothing else was changed.');
    process.exit(1);
  }
}

/** The Chromium the e2e suite will use (tests/e2e/support/chromium.ts makes the same choice). */
function findChromium() {
  const { chromiumExecutable } = createRequire(import.meta.url)(join(root, 'tests/e2e/support/chromium-path.cjs'));
  return chromiumExecutable();
}

async function ensureChromium() {
  let found = findChromium();
  if (found) return log(`Chromium for the e2e suite: ${found}`);
  log('No Chromium found (CHROMIUM_PATH, the system, Playwright): trying Playwright’s own download…');
  if (run('npx', ['playwright', 'install', 'chromium'])) found = findChromium();
  if (found) return log(`Chromium for the e2e suite: ${found}`);
  const hint =
    process.platform === 'linux' && existsSync('/etc/debian_version')
      ? 'sudo apt-get install -y chromium fonts-noto-cjk ffmpeg'
      : 'npx playwright install chromium   (needs internet), or set CHROMIUM_PATH to a Chromium or Chrome';
  console.error(
    `[setup] The e2e suite needs Chromium and none could be found or downloaded. Install it with:\n\n  ${hint}\n`,
  );
  process.exit(1);
}

installDependencies();
if (purpose === 'test') await ensureChromium();
else run(process.execPath, [join(root, 'scripts', 'install-electron.mjs')]);

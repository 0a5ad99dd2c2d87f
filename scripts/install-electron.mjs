// Electron >= 42 no longer downloads its binary on install, so `npm start` would fail with
// "Electron uninstall" on a fresh clone. Fetch it here, but never fail the install: machines without
// internet (this project's CI) run everything except the Electron shell, and say so.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') {
  console.log('[install-electron] ELECTRON_SKIP_BINARY_DOWNLOAD=1: not fetching the Electron binary.');
  process.exit(0);
}
const require = createRequire(import.meta.url);
let electronDir;
try {
  electronDir = dirname(require.resolve('electron/package.json'));
} catch {
  process.exit(0); // production install without devDependencies
}
if (existsSync(join(electronDir, 'path.txt'))) process.exit(0);
const installer = join(electronDir, 'install.js');
if (!existsSync(installer)) process.exit(0);
console.log('[install-electron] Fetching the Electron binary (first run; needs internet)…');
// Output kept back: offline, the installer prints a stack trace that says no more than the line below.
const result = spawnSync(process.execPath, [installer], { encoding: 'utf8', timeout: 180_000 });
if (result.status !== 0) {
  const why = `${result.stderr ?? ''}${result.stdout ?? ''}`.split('\n').find((l) => l.trim()) ?? 'no answer';
  console.warn(
    `[install-electron] Could not download the Electron binary (${why.trim()}). ` +
      'The browser host still works: npm start serves it where Electron cannot run.',
  );
} else if (result.stdout) process.stdout.write(result.stdout);

// `npm start` on a fresh clone: install dependencies if they are missing, and fetch the Electron
// binary if it is missing (scripts/install-electron.mjs), so the README's first command is enough.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.log('[start] Installing dependencies (first run)…');
  run('npm', ['ci']);
} else if (!existsSync(join(root, 'node_modules', 'electron', 'path.txt'))) {
  run(process.execPath, [join(root, 'scripts', 'install-electron.mjs')]);
}

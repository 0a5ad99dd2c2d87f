// Opens the built app in Electron (electron-vite preview), or says plainly what to do where no
// Electron binary could be installed, instead of electron-vite's terse "Electron uninstall".
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'node_modules', 'electron', 'path.txt'))) {
  console.error(
    'No Electron binary is installed (it could not be downloaded on this machine).\n' +
      'Serve the same app through the browser host instead:  npm run serve -- --data ./my-data\n' +
      'and open the printed http://127.0.0.1 address in Chromium.',
  );
  process.exit(1);
}
const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
const r = spawnSync(bin, ['preview'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(r.status ?? 1);

// `npm start`: builds once, then opens the Electron window where an Electron binary is installed,
// and otherwise serves the same app through the browser host on 127.0.0.1 with the default data
// folder until Ctrl-C. Says in one line which one started and why.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const win = process.platform === 'win32';
const bin = (name) => join(root, 'node_modules', '.bin', win ? `${name}.cmd` : name);
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: win }).status === 0;

function electronMissing() {
  const pathTxt = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathTxt)) return 'no Electron binary could be installed on this machine';
  const exe = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(exe) ? null : `the Electron binary ${exe} is missing`;
}

if (!run('npm', ['run', 'build'])) process.exit(1);

const why = electronMissing();
if (!why) {
  console.log('[start] Opening the Electron window (an Electron binary is installed).');
  // better-sqlite3 for Electron's ABI; without it the window explains how to get it.
  run(process.execPath, [join(root, 'scripts', 'prepare-electron-native.mjs'), '--optional']);
  // --skipBuild: `npm run build` above already built everything once.
  const r = spawnSync(bin('electron-vite'), ['preview', '--skipBuild'], { cwd: root, stdio: 'inherit', shell: win });
  process.exit(r.status ?? 1);
}

const dataDir = process.env.STUDY_DATA_DIR ?? join(homedir(), '.study-companion');
console.log(`[start] Starting the browser host instead of the Electron window: ${why}.`);
const host = spawn(process.execPath, [join(root, 'out', 'main', 'host.js'), '--data', dataDir], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the host too (same process group); it closes the database and exits 0.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    host.kill(signal);
  });
}
host.on('exit', (code) => process.exit(interrupted ? 0 : (code ?? 1)));

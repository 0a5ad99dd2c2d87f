import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadBuiltin } from '../core/builtin';
import { RestartingLink } from '../host-common/restarting-link';
import { startCoreWorker } from './core-worker';
import { lockDataDir } from './data-lock';
import { startHost } from './server';

const usage = `Usage: npm run serve -- [--data DIR] [--port N]
  Serves the study companion on http://127.0.0.1:<port>/ (loopback only).
  --data DIR   where the progress database lives (default ~/.study-companion)
  --port N     port to listen on (default 5178; 0 picks a free one)
  --idle-minutes N   sign a PIN profile out after N minutes without a call from its tab (default 15)`;

/** Built to out/main/host.js beside out/main/core.js; package.json is two folders up. */
const builtDir = __dirname;
const repoRoot = resolve(builtDir, '..', '..');

function appVersion(): string {
  if (process.env.npm_package_version) return process.env.npm_package_version;
  try {
    return (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      'idle-minutes': { type: 'string' },
      renderer: { type: 'string' },
      resources: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const dataDir = resolve(values.data ?? join(homedir(), '.study-companion'));
  const port = values.port === undefined ? 5178 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${values.port}`);
  const coreEntry = join(builtDir, 'core.js');
  if (!existsSync(coreEntry)) throw new Error(`${coreEntry} is missing: run npm run build first.`);
  const idleMinutes = values['idle-minutes'] === undefined ? 15 : Number(values['idle-minutes']);
  if (!(idleMinutes > 0)) throw new Error(`--idle-minutes must be a positive number, got ${values['idle-minutes']}`);
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  const options = {
    dataDir,
    appName: 'Study Companion',
    appVersion: appVersion(),
    builtin: loadBuiltin(resolve(values.resources ?? join(repoRoot, 'resources'))),
    idleSignOutMs: idleMinutes * 60 * 1000,
  };
  let link: RestartingLink;
  try {
    link = await RestartingLink.open((onExit) => startCoreWorker(coreEntry, options, onExit));
  } catch (e) {
    unlock();
    throw e;
  }
  const host = await startHost({
    link,
    dataDir,
    rendererDir: resolve(values.renderer ?? join(repoRoot, 'out', 'renderer')),
    port,
  }).catch(async (e: unknown) => {
    await link.close();
    unlock();
    throw e;
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => link.close())
      .finally(() => {
        unlock();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Printed only once a stop signal is handled: whoever waits for this line (a test, a script)
  // may stop the host right away, and a SIGTERM before the handler would kill it with the lock left.
  console.log(`Study companion (browser host) at ${host.url}  data: ${dataDir}`);
  console.log('Press Ctrl-C to stop.');
}

main().catch((e: unknown) => {
  console.error(`Cannot start the study companion: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadBuiltin } from '../core/builtin';
import { Core } from '../core/core';
import { lockDataDir } from './data-lock';
import { startHost } from './server';

const usage = `Usage: npm run serve -- [--data DIR] [--port N]
  Serves the study companion on http://127.0.0.1:<port>/ (loopback only).
  --data DIR   where the progress database lives (default ~/.study-companion)
  --port N     port to listen on (default 5178; 0 picks a free one)
  --idle-minutes N   sign a PIN profile out after N minutes without a call from its tab (default 15)`;

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
  const idleMinutes = values['idle-minutes'] === undefined ? 15 : Number(values['idle-minutes']);
  if (!(idleMinutes > 0)) throw new Error(`--idle-minutes must be a positive number, got ${values['idle-minutes']}`);
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  const core = await Core.open({
    dataDir,
    appName: 'Study Companion',
    appVersion: process.env.npm_package_version ?? '0.0.0',
    builtin: loadBuiltin(resolve(values.resources ?? 'resources')),
    idleSignOutMs: idleMinutes * 60 * 1000,
  }).catch((e: unknown) => {
    unlock();
    throw e;
  });
  // A port in use (EADDRINUSE) must not leave the lock, the WAL and the SHM behind: close first.
  const host = await startHost({ core, rendererDir: resolve(values.renderer ?? 'out/renderer'), port }).catch(
    (e: unknown) => {
      core.close();
      unlock();
      throw e;
    },
  );
  console.log(`Study companion (browser host) at ${host.url}  data: ${dataDir}`);
  const stop = () => {
    void host.close().finally(() => {
      core.close();
      unlock();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`Cannot start the study companion: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

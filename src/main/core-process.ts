import { utilityProcess } from 'electron';
import { join } from 'node:path';
import { ChannelLink, type CoreChannel } from '../host-common/core-link';
import type { CoreInit } from '../shared/core-messages';

/**
 * The core (SQLite, pack verification, reports) in an Electron utility process, so the main
 * process, which every window and IPC call goes through, never waits on a long job (Actual Budget
 * runs its core the same way). out/main/core.js is the same file the browser host runs in a worker.
 */
export function startCoreProcess(options: CoreInit, onExit: (code: number, expected: boolean) => void) {
  const child = utilityProcess.fork(join(__dirname, 'core.js'), [], {
    serviceName: 'Study Companion core',
    stdio: 'inherit',
  });
  const channel: CoreChannel = {
    post: (m) => child.postMessage(m),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', listener),
    kill: () => void child.kill(),
  };
  return ChannelLink.start(channel, options, onExit);
}

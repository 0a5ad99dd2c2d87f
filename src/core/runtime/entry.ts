import { parentPort } from 'node:worker_threads';
import type { FromCore, ToCore } from '../../shared/core-messages';
import { serveCore, type HostPort } from './serve';

/**
 * The core's own thread or process: built to out/main/core.js and started by the browser host as
 * a worker thread, and by Electron main as a utilityProcess (whose channel is process.parentPort,
 * delivering MessageEvents). The same file serves both.
 */
interface ElectronParentPort {
  on(event: 'message', listener: (e: { data: ToCore }) => void): void;
  postMessage(message: FromCore): void;
}

function hostPort(): HostPort {
  if (parentPort) {
    const p = parentPort;
    return {
      onMessage: (listener) => p.on('message', listener),
      post: (m) => p.postMessage(m),
      close: () => p.close(),
    };
  }
  const electron = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (!electron) throw new Error('core.js must run as a worker thread or an Electron utility process.');
  return {
    onMessage: (listener) => electron.on('message', (e) => listener(e.data)),
    post: (m) => electron.postMessage(m),
    // A utility process ends when its work is done; exiting here also releases the database file.
    close: () => setImmediate(() => process.exit(0)),
  };
}

process.on('unhandledRejection', (e) => console.error('Study Companion core: unhandled rejection', e));
serveCore(hostPort());

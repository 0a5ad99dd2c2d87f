import { Worker } from 'node:worker_threads';
import type { CoreInit } from '../shared/core-messages';
import { ChannelLink, type CoreChannel } from '../host-common/core-link';

/**
 * The browser host's core in a worker thread (out/main/core.js, the same file Electron runs as a
 * utility process), so pack imports and reports never stall the HTTP server's event loop.
 */
export function startCoreWorker(
  entryFile: string,
  options: CoreInit,
  onExit?: (code: number, expected: boolean) => void,
): Promise<ChannelLink> {
  const worker = new Worker(entryFile, { stdout: false, stderr: false });
  const channel: CoreChannel = {
    post: (m) => worker.postMessage(m),
    onMessage: (listener) => worker.on('message', listener),
    onExit: (listener) => worker.once('exit', listener),
    kill: () => void worker.terminate(),
  };
  worker.on('error', (e) => console.error('Study Companion core:', e));
  return ChannelLink.start(channel, options, onExit);
}

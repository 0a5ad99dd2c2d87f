import type { Core } from '../core/core';
import { serveCore } from '../core/runtime/serve';
import type { FromCore, ToCore } from '../shared/core-messages';
import { ChannelLink, type CoreChannel } from '../host-common/core-link';

/**
 * A core in this thread behind the same channel protocol as the worker (messages structured-cloned
 * both ways, answered on a later tick), for tests that need to reach into the Core they opened.
 * The app itself always runs the core in a worker thread or utility process.
 */
export function inProcessLink(core: Core): Promise<ChannelLink> {
  const toCore: ((m: ToCore) => void)[] = [];
  const toHost: ((m: FromCore) => void)[] = [];
  const exits: ((code: number) => void)[] = [];
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    for (const l of exits) setImmediate(() => l(0));
  };
  serveCore(
    {
      onMessage: (l) => toCore.push(l),
      post: (m) => setImmediate(() => toHost.forEach((l) => l(structuredClone(m)))),
      close: end,
    },
    () => Promise.resolve(core),
  );
  const channel: CoreChannel = {
    post: (m) => setImmediate(() => toCore.forEach((l) => l(structuredClone(m)))),
    onMessage: (l) => toHost.push(l),
    onExit: (l) => exits.push(l),
    kill: end,
  };
  return ChannelLink.start(channel, { dataDir: core.options.dataDir, appName: '', appVersion: '' });
}

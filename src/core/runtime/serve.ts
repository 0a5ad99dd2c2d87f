import type { CoreInit, FromCore, HostOpName, HostOps, ToCore } from '../../shared/core-messages';
import { AppError, type Reply } from '../../shared/errors';
import { createDispatch, type Dispatch } from '../api/dispatch';
import { Core } from '../core';
import { envelopeProtector } from '../records/envelope-protector';

/** One end of the channel to the host: a worker thread's parentPort, or Electron's process.parentPort. */
export interface HostPort {
  onMessage(listener: (message: ToCore) => void): void;
  post(message: FromCore): void;
  close(): void;
}

type OpHandler<K extends HostOpName> = (args: HostOps[K]['args'], core: Core) => HostOps[K]['result'];
const ops: { [K in HostOpName]: OpHandler<K> } = {
  'uploads.adopt': (a, core) => core.uploads.adopt(a.path, a.fileName, a.owned),
};

const notOpen: Reply<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The app is still starting.', detail: { reason: 'core.notOpen' } },
};

/**
 * The core's side of the host channel: opens the Core on `init`, answers every call through the
 * same dispatcher the in-process tests use, and closes it (with the backup on quit) on `close`.
 * Calls are answered as they finish, not in order, so a long import does not hold up a quiz answer.
 */
/** The Core for a host's init message: a key-encryption key becomes the signing key's protector. */
const openCore = ({ keyEncryptionKey, ...o }: CoreInit): Promise<Core> =>
  Core.open({
    ...o,
    ...(keyEncryptionKey ? { keyProtector: envelopeProtector(Buffer.from(keyEncryptionKey, 'base64')) } : {}),
  });

export function serveCore(port: HostPort, open: (o: CoreInit) => Promise<Core> = openCore): void {
  let core: Core | null = null;
  let dispatch: Dispatch | null = null;
  const handle = async (msg: ToCore): Promise<void> => {
    switch (msg.type) {
      case 'init':
        try {
          core = await open(msg.options);
          dispatch = createDispatch(core);
          port.post({ type: 'ready' });
        } catch (e) {
          port.post({
            type: 'failed',
            message: e instanceof Error ? e.message : String(e),
            code: e instanceof AppError ? e.code : undefined,
          });
        }
        return;
      case 'call':
        port.post({
          type: 'reply',
          id: msg.id,
          reply: dispatch ? await dispatch(msg.name, msg.input, msg.context) : notOpen,
        });
        return;
      case 'op':
        port.post({ type: 'reply', id: msg.id, reply: runOp(core, msg.name, msg.args) });
        return;
      case 'close':
        core?.close();
        core = null;
        dispatch = null;
        port.post({ type: 'closed' });
        port.close();
    }
  };
  port.onMessage((msg) => void handle(msg));
}

function runOp(core: Core | null, name: HostOpName, args: unknown): Reply<unknown> {
  if (!core) return notOpen;
  try {
    return { ok: true, value: (ops[name] as OpHandler<HostOpName>)(args as never, core) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.message } };
    return { ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } };
  }
}

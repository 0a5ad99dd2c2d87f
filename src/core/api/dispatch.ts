import { contract, isCallName, type CallName } from '../../shared/contract';
import { AppError, type Reply } from '../../shared/errors';
import type { Core } from '../core';
import { storageError } from '../db/open';
import { LOCAL_CLIENT } from '../profiles/client-sessions';
import { adminHandlers } from './admin-handlers';
import { appHandlers } from './app-handlers';
import { certificateHandlers } from './certificate-handlers';
import { recordsHandlers } from './records-handlers';
import { quizHandlers } from './quiz-handlers';
import { studyHandlers } from './study-handlers';
import { storagePlace } from './storage-place';
import type { Handler, Handlers } from './types';
import { watchHandlers } from './watch-handlers';

const handlers: Handlers = {
  ...appHandlers,
  ...studyHandlers,
  ...quizHandlers,
  ...recordsHandlers,
  ...adminHandlers,
  ...watchHandlers,
  ...certificateHandlers,
};

/**
 * `clientId` names the caller (the browser host's per-tab session; absent in Electron, whose one
 * window is the local client). The core keeps each client's active profile, so the same logic
 * holds wherever the core runs (a worker thread, a utility process, in-process in tests).
 */
export type Dispatch = (name: unknown, input: unknown, context?: { clientId?: string }) => Promise<Reply<unknown>>;

const issuesText = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(input)'}: ${i.message}`)
    .join('; ');

/**
 * The one entry point both transports call: unknown names and invalid input become typed
 * errors, never exceptions; handler failures are AppErrors or, if unexpected, INTERNAL.
 */
export function createDispatch(core: Core, log: (e: unknown) => void = console.error): Dispatch {
  return async (name, input, context) => {
    const clientId = context?.clientId ?? LOCAL_CLIENT;
    if (!isCallName(name)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_CALL', message: `Unknown call "${String(name)}".`, detail: { reason: 'call.unknown' } },
      };
    }
    const def = contract[name];
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `Invalid input for ${name}: ${issuesText(parsed.error.issues)}`,
          detail: { reason: 'call.invalidInput' },
        },
      };
    }
    try {
      core.profiles.touch(clientId);
      const handler = handlers[name] as Handler<CallName>;
      const value = await handler(parsed.data as never, core, { clientId });
      return { ok: true, value };
    } catch (e) {
      if (e instanceof AppError) {
        return { ok: false, error: { code: e.code, message: e.message, ...(e.detail ? { detail: e.detail } : {}) } };
      }
      // A full disk or read-only folder is the participant's to fix, so it gets a plain message.
      const storage = storageError(e, core.options.dataDir, storagePlace(name));
      if (storage) {
        return {
          ok: false,
          error: {
            code: storage.code,
            message: storage.message,
            ...(storage.detail ? { detail: storage.detail } : {}),
          },
        };
      }
      log(e);
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'Something went wrong inside the app. Your progress is safe.',
          detail: { reason: 'call.internal' },
        },
      };
    }
  };
}

import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../core/api/dispatch';
import { callNames } from '../shared/contract';
import { IPC_CHANNEL_PREFIX } from '../shared/bridge';
import { isAppOrigin } from './origin';

/**
 * Only the app's own top-level page (app://study, or the dev server in development) may call the
 * core. Checked on the frame's origin, as Electron's checklist advises: about:blank, blob: and
 * sandboxed documents have URLs that do not say who controls them, and the frame may be gone (null).
 */
export function isTrustedSender(event: IpcMainInvokeEvent, devUrl: string | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppOrigin(frame.origin, devUrl);
}

/** One ipcMain handler per contract entry; the dispatcher parses input with the same schemas. */
export function registerIpc(dispatch: Dispatch, devUrl: string | undefined): void {
  for (const name of callNames) {
    ipcMain.handle(IPC_CHANNEL_PREFIX + name, (event, input: unknown) => {
      if (!isTrustedSender(event, devUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted from the app page only.' } };
      }
      return dispatch(name, input);
    });
  }
}

import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../core/api/dispatch';
import { callNames } from '../shared/contract';
import { IPC_CHANNEL_PREFIX } from '../shared/bridge';
import { APP_ORIGIN } from './protocol';

/** Only the app's own page (app://study, or the dev server in development) may call the core. */
export function isTrustedSender(event: IpcMainInvokeEvent, devUrl: string | undefined): boolean {
  const url = event.senderFrame?.url;
  if (!url) return false;
  const origin = new URL(url).origin;
  return origin === APP_ORIGIN || (devUrl !== undefined && origin === new URL(devUrl).origin);
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

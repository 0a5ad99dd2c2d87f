import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { CoreLink } from '../host-common/core-link';
import { IPC_CHANNEL_PREFIX } from '../shared/bridge';
import { callNames } from '../shared/contract';
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

export const forbidden = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Calls are accepted from the app page only.', detail: { reason: 'ipc.sender' } },
} as const;

/**
 * One ipcMain handler per contract entry, forwarded to the core's process, which parses the input
 * with the same schemas. The window is the one client, so no client id is sent.
 */
export function registerIpc(link: () => CoreLink, devUrl: string | undefined): void {
  for (const name of callNames) {
    ipcMain.handle(IPC_CHANNEL_PREFIX + name, (event, input: unknown) =>
      isTrustedSender(event, devUrl) ? link().call(name, input) : forbidden,
    );
  }
}

import { dialog, ipcMain, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import { IPC_HOST_PREFIX } from '../shared/bridge';
import { isTrustedSender } from './ipc';

/** The printable completion record: Electron's printToPDF behind a native save dialog. */
export function registerPrintToPdf(getWindow: () => BrowserWindow | null, devUrl: string | undefined): void {
  ipcMain.handle(IPC_HOST_PREFIX + 'printToPdf', async (event, fileName: unknown) => {
    const win = getWindow();
    if (!win || !isTrustedSender(event, devUrl)) return { saved: false };
    const name =
      typeof fileName === 'string' ? fileName.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 100) : 'record.pdf';
    const { canceled, filePath } = await dialog.showSaveDialog(win, {
      defaultPath: name.endsWith('.pdf') ? name : `${name}.pdf`,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (canceled || !filePath) return { saved: false };
    const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    await writeFile(filePath, pdf);
    return { saved: true, path: filePath };
  });
}

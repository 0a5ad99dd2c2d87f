import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { CoreLink } from '../host-common/core-link';
import type { FilePurpose, PickedFile, SaveRequest, SaveResult } from '../shared/bridge';
import { IPC_HOST_PREFIX } from '../shared/bridge';
import { isTrustedSender } from './ipc';
import { menuWords } from './menu-words';

/** A venue file larger than this is not a record or roster (records are a few KB); it is skipped. */
const MAX_PICKED_BYTES = 64 * 1024 * 1024;

const FILTERS: Record<FilePurpose, { name: string; extensions: string[] }[]> = {
  records: [{ name: 'JSON', extensions: ['json'] }],
  recordsFolder: [],
  roster: [{ name: 'CSV / Excel', extensions: ['csv', 'txt', 'xlsx'] }],
};

/** A file name from the page, made safe as a dialog's default name (no folders, no odd characters). */
export function safeFileName(name: unknown, fallback: string): string {
  const base = typeof name === 'string' ? basename(name.replace(/\\/g, '/')) : '';
  const clean = base
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return clean || fallback;
}

async function readPicked(paths: string[]): Promise<{ files: PickedFile[]; skipped: number }> {
  const files: PickedFile[] = [];
  let skipped = 0;
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || info.size > MAX_PICKED_BYTES) skipped++;
    else files.push({ name: basename(path), bytes: new Uint8Array(await readFile(path)) });
  }
  return { files, skipped };
}

/** A picked folder's .json files, one level deep (a venue's USB stick of records). */
async function folderRecords(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isFile() && extname(e.name).toLowerCase() === '.json').map((e) => join(dir, e.name));
}

/**
 * What only a desktop host can do, behind the page's `host` bridge: native open and save dialogs,
 * files read and written by main (a pack is opened by path and read by the core where it lies: no
 * bytes through IPC), and printToPDF. Each handler checks the sender like every API call.
 */
export function registerHostCapabilities(link: () => CoreLink, devUrl: string | undefined): void {
  const handle = <A extends unknown[], R>(
    name: string,
    fn: (win: BrowserWindow, ...args: A) => Promise<R>,
    refused: R,
  ) =>
    ipcMain.handle(IPC_HOST_PREFIX + name, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const win = BrowserWindow.fromWebContents(event.sender);
      if (!win || !isTrustedSender(event, devUrl)) return refused;
      return fn(win, ...(args as A));
    });

  handle(
    'openPack',
    async (win) => {
      const words = menuWords();
      const { canceled, filePaths } = await dialog.showOpenDialog(win, {
        title: words.openPack,
        properties: ['openFile'],
        filters: [{ name: words.packFiles, extensions: ['studypack'] }],
      });
      const path = filePaths[0];
      if (canceled || !path) return null;
      return link().op('uploads.adopt', { path, fileName: basename(path), owned: false });
    },
    null,
  );

  handle(
    'openFiles',
    async (win, purpose: unknown) => {
      if (purpose !== 'records' && purpose !== 'recordsFolder' && purpose !== 'roster') return null;
      const properties: OpenDialogOptions['properties'] =
        purpose === 'recordsFolder'
          ? ['openDirectory']
          : purpose === 'records'
            ? ['openFile', 'multiSelections']
            : ['openFile'];
      const { canceled, filePaths } = await dialog.showOpenDialog(win, { properties, filters: FILTERS[purpose] });
      if (canceled || filePaths.length === 0) return null;
      const paths = purpose === 'recordsFolder' ? await folderRecords(filePaths[0]!) : filePaths;
      return readPicked(paths);
    },
    null,
  );

  handle(
    'saveFile',
    async (win, request: SaveRequest): Promise<SaveResult> => {
      const name = safeFileName(request?.fileName, 'export');
      const ext = extname(name).slice(1);
      const { canceled, filePath } = await dialog.showSaveDialog(win, {
        defaultPath: name,
        filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [],
      });
      if (canceled || !filePath) return { saved: false };
      const data =
        typeof request.base64 === 'string'
          ? Buffer.from(request.base64, 'base64')
          : Buffer.from(typeof request.content === 'string' ? request.content : '', 'utf8');
      await writeFile(filePath, data);
      return { saved: true, path: filePath };
    },
    { saved: false },
  );

  handle(
    'printToPdf',
    async (win, fileName: unknown): Promise<SaveResult> => {
      const name = safeFileName(fileName, 'record.pdf');
      const { canceled, filePath } = await dialog.showSaveDialog(win, {
        defaultPath: name.endsWith('.pdf') ? name : `${name}.pdf`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (canceled || !filePath) return { saved: false };
      // The page's own @page rules (A4, margins, the certificate's named page) decide the layout,
      // as they do for Chromium's print dialog and for the e2e tests' page.pdf.
      const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
      await writeFile(filePath, pdf);
      return { saved: true, path: filePath };
    },
    { saved: false },
  );
}

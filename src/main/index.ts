import { app, BrowserWindow, dialog } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatch } from '../core/api/dispatch';
import { loadBuiltin } from '../core/builtin';
import { Core } from '../core/core';
import { registerIpc } from './ipc';
import { registerPrintToPdf } from './print';
import { registerScheme, serveRenderer } from './protocol';
import { createMainWindow, denyPermissions } from './window';

// electron-vite sets this in `dev` only; production always loads app://study.
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const resourcesDir = app.isPackaged ? process.resourcesPath : join(__dirname, '../../resources');
let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

registerScheme();
// Lets e2e tests (and portable setups) point the app at a separate data folder.
if (process.env.STUDY_USER_DATA) app.setPath('userData', process.env.STUDY_USER_DATA);

// One instance per user: two processes writing one database would race; focus the first instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_e, contents) => contents.setWindowOpenHandler(() => ({ action: 'deny' })));

  app.whenReady().then(
    async () => {
      denyPermissions();
      serveRenderer(join(__dirname, '../renderer'));
      const userData = app.getPath('userData');
      try {
        core = await Core.open({
          dataDir: join(userData, 'data'),
          appName: app.getName(),
          appVersion: app.getVersion(),
          builtin: loadBuiltin(resourcesDir),
          nativeBinding: process.env.STUDY_SQLITE_BINDING ?? loadNativeBinding(resourcesDir),
        });
      } catch (e) {
        dialog.showErrorBox('学习伴侣无法启动 · The study companion cannot start', (e as Error).message);
        app.quit();
        return;
      }
      registerIpc(createDispatch(core), devUrl);
      registerPrintToPdf(() => mainWindow, devUrl);
      mainWindow = createMainWindow(userData, devUrl);
    },
    (e: unknown) => {
      dialog.showErrorBox('Study Companion', String(e));
      app.quit();
    },
  );

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
}

/** better-sqlite3 built for Electron's ABI sits apart from the Node build the tests use. */
function loadNativeBinding(dir: string): string | undefined {
  const candidate = join(dir, 'electron-native', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

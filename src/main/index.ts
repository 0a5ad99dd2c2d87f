import { app, BrowserWindow, dialog } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatch } from '../core/api/dispatch';
import { loadBuiltin } from '../core/builtin';
import { Core } from '../core/core';
import { registerIpc } from './ipc';
import { registerPrintToPdf } from './print';
import { registerScheme, serveRenderer } from './protocol';
import { createMainWindow, denyPermissions, lockDown } from './window';

// electron-vite sets this in `dev` only; production always loads app://study.
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const resourcesDir = app.isPackaged ? process.resourcesPath : join(__dirname, '../../resources');
let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

// Every renderer sandboxed, whatever its webPreferences say (the main window also sets it itself).
app.enableSandbox();
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
  // Every webContents, not just the main window's: no navigation away, no new windows, no webviews.
  app.on('web-contents-created', (_e, contents) => lockDown(contents, devUrl));

  app.whenReady().then(
    async () => {
      denyPermissions(devUrl);
      serveRenderer(join(__dirname, '../renderer'));
      const userData = app.getPath('userData');
      try {
        core = await Core.open({
          dataDir: join(userData, 'data'),
          appName: app.getName(),
          appVersion: app.getVersion(),
          builtin: loadBuiltin(resourcesDir),
          nativeBinding: nativeBinding(resourcesDir),
        });
      } catch (e) {
        dialog.showErrorBox('学习伴侣无法启动 · The study companion cannot start', startupMessage(e));
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

/**
 * better-sqlite3 built for Electron's ABI sits apart from the Node build the tests use. The
 * STUDY_SQLITE_BINDING override is honoured in development only: in a packaged app an environment
 * variable naming a native module to load would undo what the NODE_OPTIONS and RunAsNode fuses close.
 */
function nativeBinding(dir: string): string | undefined {
  if (!app.isPackaged && process.env.STUDY_SQLITE_BINDING) return process.env.STUDY_SQLITE_BINDING;
  const candidate = join(dir, 'electron-native', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

/** The reason shown in the start-up error box, with the fix for the one developer mistake we can name. */
function startupMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (!app.isPackaged && message.includes('NODE_MODULE_VERSION')) {
    return `${message}\n\nbetter-sqlite3 is not built for Electron here: run \`node scripts/prepare-electron-native.mjs\` (needs internet), or use the browser host: npm run serve.`;
  }
  return message;
}

import { app, BrowserWindow, dialog, Menu } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadBuiltin } from '../core/builtin';
import type { CoreLink } from '../host-common/core-link';
import { RestartingLink } from '../host-common/restarting-link';
import { firstScreenAnswers } from '../host-common/first-screen-answers';
import type { CoreInit } from '../shared/core-messages';
import { startCoreProcess } from './core-process';
import { registerHostCapabilities } from './host-capabilities';
import { registerIpc } from './ipc';
import { loadKeyEncryptionKey } from './key-protector';
import { buildMenu } from './menu';
import { menuWords, setShellLanguage } from './menu-words';
import { registerScheme, serveRenderer } from './protocol';
import { createMainWindow, denyPermissions, lockDown } from './window';

// electron-vite sets this in `dev` only; production always loads app://study.
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const resourcesDir = app.isPackaged ? process.resourcesPath : join(__dirname, '../../resources');
let link: CoreLink | null = null;
let mainWindow: BrowserWindow | null = null;

// Every renderer sandboxed, whatever its webPreferences say (the main window also sets it itself).
app.enableSandbox();
registerScheme();
userDataFolder();

process.on('unhandledRejection', (e) => console.error('Study Companion: unhandled rejection', e));

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

  // Any failure while starting ends in the error box, never in a window-less running process.
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => fail(e));

  app.on('window-all-closed', () => app.quit());
  // The core closes the database (with its backup on quit) before the app exits.
  let closing = false;
  app.on('will-quit', (event) => {
    if (!link || closing) return;
    closing = true;
    event.preventDefault();
    void link.close().finally(() => {
      link = null;
      app.quit();
    });
  });
}

async function start(): Promise<void> {
  setShellLanguage(app.getPreferredSystemLanguages()[0] ?? app.getLocale());
  denyPermissions(devUrl);
  const dataDir = join(app.getPath('userData'), 'data');
  // The window is the core's one local client: its answers are the window's own.
  serveRenderer(join(__dirname, '../renderer'), dataDir, (acceptLanguage) =>
    link ? firstScreenAnswers(link, acceptLanguage) : Promise.resolve(null),
  );
  const options: CoreInit = {
    dataDir,
    appName: app.getName(),
    appVersion: app.getVersion(),
    builtin: loadBuiltin(resourcesDir),
    nativeBinding: nativeBinding(resourcesDir),
    keyEncryptionKey: loadKeyEncryptionKey(app.getPath('userData')),
  };
  try {
    link = await RestartingLink.open(
      (onExit) => startCoreProcess(options, onExit),
      () => void dialog.showMessageBox({ type: 'warning', message: menuWords().coreRestarted }),
    );
  } catch (e) {
    fail(e);
    return;
  }
  const settings = await link.call('settings.get', {});
  if (settings.ok) {
    const language = (settings.value as { language: string | null }).language;
    if (language) setShellLanguage(language);
  }
  const core = () => link!;
  registerIpc(core, devUrl);
  registerHostCapabilities(core, devUrl);
  Menu.setApplicationMenu(buildMenu(() => mainWindow));
  mainWindow = createMainWindow(app.getPath('userData'), devUrl);
  mainWindow.on('closed', () => (mainWindow = null));
}

function fail(e: unknown): void {
  dialog.showErrorBox(`${menuWords().cannotStart} · The study companion cannot start`, startupMessage(e));
  app.quit();
}

/**
 * Development runs (`npm start`, `npm run dev`) keep their data apart from the installed app's, so a
 * development schema never migrates a participant's real database. STUDY_USER_DATA (e2e tests,
 * portable set-ups) names a folder outright. Must run before `ready`.
 */
function userDataFolder(): void {
  if (process.env.STUDY_USER_DATA) app.setPath('userData', process.env.STUDY_USER_DATA);
  else if (!app.isPackaged) app.setPath('userData', join(app.getPath('appData'), `${app.getName()} (development)`));
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

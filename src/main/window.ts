import { BrowserWindow, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './protocol';
import { loadWindowState, trackWindowState } from './window-state';

/**
 * Navigation, new windows and permission requests are all refused: the app shows only its own
 * page, and pack material can never open another site or ask for camera, location, etc.
 */
function lockDown(contents: WebContents, devUrl: string | undefined): void {
  const allowed = (url: string) => {
    const origin = new URL(url).origin;
    return origin === APP_ORIGIN || (devUrl !== undefined && origin === new URL(devUrl).origin);
  };
  contents.on('will-navigate', (event, url) => {
    if (!allowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowed(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // Offline by design: any request that is not to the app itself is cancelled.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const ok =
      url.startsWith(`${APP_ORIGIN}/`) ||
      url.startsWith('devtools://') ||
      url.startsWith('data:') ||
      (process.env.ELECTRON_RENDERER_URL !== undefined && url.startsWith(process.env.ELECTRON_RENDERER_URL));
    callback({ cancel: !ok });
  });
}

export function createMainWindow(userData: string, devUrl: string | undefined): BrowserWindow {
  const state = loadWindowState(userData);
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: 720,
    minHeight: 560,
    show: false,
    title: '学习伴侣 · Study Companion',
    backgroundColor: '#f6f4ef',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  trackWindowState(win, userData);
  lockDown(win.webContents, devUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}
